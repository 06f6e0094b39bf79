/** Shows what the compiler answered a deploy or try run with on the diagram and in the problems panel, until the next change. */
import type Modeler from 'bpmn-js/lib/Modeler';
import type { Problem } from './problem';

/** A compiler diagnostic as the API returns it. */
export interface CompilerDiagnostic {
  elementId: string;
  message: string;
}

interface ProblemsService {
  showDeployProblems(problems: Problem[]): void;
}

const problemsOf = (diagnostics: CompilerDiagnostic[], severity: Problem['severity']): Problem[] =>
  diagnostics.map((diagnostic) => ({ source: 'deploy', severity, elementId: diagnostic.elementId, message: diagnostic.message }));

export function showCompilerDiagnostics(modeler: Modeler, errors: CompilerDiagnostic[], warnings: CompilerDiagnostic[] = []): void {
  modeler.get<ProblemsService>('qualflowProblems').showDeployProblems([...problemsOf(errors, 'error'), ...problemsOf(warnings, 'warning')]);
}
