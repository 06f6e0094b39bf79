import { useId } from 'react';
import { formatDateTime } from '../format/dates';
import type { ProcessGrant } from './api';
import { personLabel } from './grant-rules';

interface Props {
  grants: ProcessGrant[];
  /** Username → name, when the user list could be read. */
  names: ReadonlyMap<string, string>;
  owner: string | null;
  onTakeBack(username: string): void;
}

/** The people a process is given to, each with a button to take it back. */
export function GrantTable({ grants, names, owner, onTakeBack }: Props) {
  const titleId = useId();
  return (
    <section className="grant-list" aria-labelledby={titleId}>
      <h2 id={titleId}>Given to</h2>
      {grants.length === 0 ? (
        <p className="empty">
          Not given to anyone: only {owner ? `its owner ${owner}` : 'its owner'} and admins see all its instances.
        </p>
      ) : (
        <GrantRows grants={grants} names={names} onTakeBack={onTakeBack} titleId={titleId} />
      )}
    </section>
  );
}

function GrantRows({ grants, names, onTakeBack, titleId }: Omit<Props, 'owner'> & { titleId: string }) {
  return (
    <table className="table grant-table" aria-labelledby={titleId}>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Given by</th>
          <th scope="col">Since</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {grants.map((grant) => (
          <tr key={grant.username}>
            <th scope="row" data-label="Person">
              {personLabel(grant.username, names)}
            </th>
            <td data-label="Given by">{grant.grantedBy}</td>
            <td data-label="Since">{formatDateTime(grant.createdAt)}</td>
            <td className="cell-actions">
              <button
                type="button"
                className="button-danger-outline button-small"
                aria-label={`Take back from ${grant.username}`}
                onClick={() => onTakeBack(grant.username)}
              >
                Take back…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
