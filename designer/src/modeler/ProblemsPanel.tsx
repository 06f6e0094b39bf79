import type { Problem } from './problems';

interface Props {
  problems: Problem[];
  /** Selects the element a problem is on (not called for document-wide problems). */
  onSelect(elementId: string): void;
}

const SOURCE_LABEL: Record<Problem['source'], string> = { lint: 'check', import: 'import', deploy: 'deploy' };

/** The live list of what would stop (errors) or weaken (warnings) a deploy; clicking one selects its element. */
export function ProblemsPanel({ problems, onSelect }: Props) {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="designer-problems" aria-label="Problems">
      <h2 className="designer-problems-title">
        Problems{' '}
        <span className="designer-problems-count" data-testid="problem-count">
          {errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </span>
      </h2>
      {problems.length === 0 ? (
        <p className="designer-problems-none">No problems: this diagram deploys.</p>
      ) : (
        <ul className="designer-problem-list">
          {problems.map((problem) => (
            <li key={`${problem.source}|${problem.elementId}|${problem.message}`} className={`designer-problem designer-problem-${problem.severity}`}>
              <button type="button" disabled={problem.elementId === 'document'} onClick={() => onSelect(problem.elementId)}>
                <span className="designer-problem-severity">{problem.severity}</span>
                <span className="designer-problem-message">{problem.message}</span>
                <span className="designer-problem-where">
                  {problem.elementId} · {SOURCE_LABEL[problem.source]}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
