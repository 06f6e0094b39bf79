import type { ChangeKind, ElementChange } from './version-diff';

const KIND_LABEL: Record<ChangeKind, string> = { added: 'Added', removed: 'Removed', changed: 'Changed', layout: 'Moved' };

/** The changes between two versions as a table, for reading and for screen readers. */
export function ChangeList({ changes }: { changes: ElementChange[] }) {
  if (changes.length === 0) return <p className="empty">The two versions are the same.</p>;
  return (
    <table className="table change-list" aria-label="Changes">
      <thead>
        <tr>
          <th scope="col">Change</th>
          <th scope="col">Element</th>
          <th scope="col">Type</th>
          <th scope="col">What</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={`${change.kind}-${change.id}`} data-element-id={change.id} data-kind={change.kind}>
            <td>
              <span className={`chip chip-diff-${change.kind}`}>{KIND_LABEL[change.kind]}</span>
            </td>
            <td>
              {change.name} {change.name !== change.id && <code className="muted small">{change.id}</code>}
            </td>
            <td>{change.type}</td>
            <td>
              {change.details.length > 0 ? (
                <ul className="change-details">
                  {change.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
