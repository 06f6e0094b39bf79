/** Shows what the compiler answered a deploy or try run with on the diagram and in the problems panel, until the next change. */
import type Modeler from 'bpmn-js/lib/Modeler';
import { ApiError } from '../../api/client';
import type { Diagnostic } from '../../api/types';
import type { Problem } from './problem';

/** What the API answers (422) when a diagram does not compile; undefined for any other failure. */
export function compilerRefusal(error: unknown): { errors?: Diagnostic[]; warnings?: Diagnostic[] } | undefined {
  return error instanceof ApiError && error.status === 422 ? (error.body as { errors?: Diagnostic[]; warnings?: Diagnostic[] }) : undefined;
}

interface ProblemsService {
  showDeployProblems(problems: Problem[]): void;
}

const problemsOf = (diagnostics: Diagnostic[], severity: Problem['severity']): Problem[] =>
  diagnostics.map((diagnostic) => ({ source: 'deploy', severity, elementId: diagnostic.elementId, message: diagnostic.message }));

export function showCompilerDiagnostics(modeler: Modeler, errors: Diagnostic[], warnings: Diagnostic[] = []): void {
  modeler.get<ProblemsService>('qualflowProblems').showDeployProblems([...problemsOf(errors, 'error'), ...problemsOf(warnings, 'warning')]);
}
