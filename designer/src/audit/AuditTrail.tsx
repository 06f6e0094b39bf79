/**
 * The append-only audit trail of a task or an instance, oldest first: when, who, what,
 * and the details that matter (reason, new assignee, signature meaning).
 */
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useResource } from '../hooks/use-resource';
import { fetchAuditTrail, type AuditSubject } from './api';
import { actionLabel, entryFacts, formatAuditTime } from './describe-entry';
import './audit.css';

/** Loads and shows the trail of `subject` in a card; read again whenever `revision` changes. */
export function AuditTrail({ revision, ...subject }: AuditSubject & { revision?: string }) {
  const key = 'taskId' in subject ? `task:${subject.taskId}` : `instance:${subject.instanceId}`;
  const trail = useResource(() => fetchAuditTrail(subject), [key, revision]);
  return (
    <section className="card audit-trail" aria-labelledby={`audit-${key}`}>
      <h2 className="card-title" id={`audit-${key}`}>
        Audit trail
      </h2>
      <ErrorMessage error={trail.error} />
      {!trail.data ? (
        !trail.error && <Loading label="Loading audit trail…" />
      ) : trail.data.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {trail.data.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td>
                  <time dateTime={entry.at}>{formatAuditTime(entry.at)}</time>
                </td>
                <td>{entry.actor}</td>
                <td>{actionLabel(entry.action)}</td>
                <td className="audit-details">{entryFacts(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
