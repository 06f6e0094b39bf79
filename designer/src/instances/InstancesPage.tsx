import { listInstances } from '../api/endpoints';
import type { InstanceStatus } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { useDefinitionNames } from '../processes/use-definition-names';
import { hrefOf } from '../router/routes';
import { navigate } from '../router/use-hash-route';

const STATUSES: { value: InstanceStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'incident', label: 'Incident' },
  { value: 'completed', label: 'Completed' },
  { value: 'canceled', label: 'Canceled' },
  { value: 'terminated', label: 'Terminated' },
];

/** Running and finished process instances, filtered by status. */
export function InstancesPage({ status }: { status: string }) {
  const instances = useResource(() => listInstances({ status: status as InstanceStatus }), [status], { pollMs: 10000 });
  const processName = useDefinitionNames();

  return (
    <section aria-labelledby="instances-title">
      <div className="page-title">
        <h1 id="instances-title">Instances</h1>
        <label className="inline-field">
          <span>Status</span>
          <select value={status} onChange={(event) => navigate({ name: 'instances', status: event.target.value })}>
            {STATUSES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={instances.error} />
      {instances.data === undefined && instances.loading && <Loading label="Loading instances…" />}
      {instances.data?.length === 0 && <p className="empty">No instances match.</p>}
      {instances.data && instances.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Process</th>
              <th scope="col">Business key</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {instances.data.map((instance) => (
              <tr key={instance.id}>
                <td data-label="Process">
                  <a href={hrefOf({ name: 'instance', id: instance.id })}>{processName(instance.processKey)}</a>
                  <span className="muted small"> v{instance.version}</span>
                </td>
                <td data-label="Business key">{instance.businessKey || <span className="muted">—</span>}</td>
                <td data-label="Status">
                  <StatusBadge status={instance.status} />
                </td>
                <td data-label="Started">
                  {formatDateTime(instance.startedAt)}
                  {instance.startedBy ? <span className="muted small"> by {instance.startedBy}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
