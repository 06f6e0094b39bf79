/**
 * A problem shown in the designer: a lint finding (the compiler's checks and Camunda's
 * modeler lint), an import warning, or a diagnostic deploy answered with. Pure helpers only.
 */
import type { LintFinding } from '../../../../engine/lint';

export type ProblemSource = 'lint' | 'import' | 'deploy';
export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  source: ProblemSource;
  severity: ProblemSeverity;
  /** The element the problem is on; `document` when none applies. */
  elementId: string;
  message: string;
  /** The lint rule, for lint problems. */
  rule?: string;
}

/** A lint finding as a problem (`rule-error`, a rule that crashed, counts as an error). */
export function problemOfFinding(finding: LintFinding): Problem {
  return {
    source: 'lint',
    severity: finding.category === 'warn' || finding.category === 'info' ? 'warning' : 'error',
    elementId: finding.elementId,
    message: finding.message,
    rule: finding.rule,
  };
}

/** Errors first, then warnings; the same problem reported by two rules (or lint and deploy) once. */
export function orderProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.severity}|${problem.elementId}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...unique.filter((p) => p.severity === 'error'), ...unique.filter((p) => p.severity === 'warning')];
}

/** The marker class an element gets: the worst severity of its problems. */
export function markerOf(problems: Problem[], elementId: string): 'qf-problem-error' | 'qf-problem-warning' | undefined {
  const own = problems.filter((problem) => problem.elementId === elementId);
  if (own.some((problem) => problem.severity === 'error')) return 'qf-problem-error';
  return own.length > 0 ? 'qf-problem-warning' : undefined;
}
