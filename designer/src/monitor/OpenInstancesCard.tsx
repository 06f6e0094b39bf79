/** Open instances per process, with those stuck at an incident or holding an overdue task. */
import type { InstanceFilters } from '../instances/list-filters';
import { hrefOf } from '../router/routes';
import type { Dashboard } from './api';
import { CountLink } from './CountLink';

const instancesHref = (processKey: string, status: string, filters: Omit<InstanceFilters, 'status'> = {}) =>
  hrefOf({ name: 'instances', status, filters: { processKey, ...filters } });

export function OpenInstancesCard({ rows, processName }: { rows: Dashboard['openByProcess']; processName: (key: string) => string }) {
  return (
    <section className="card monitor-card" aria-labelledby="open-instances-title">
      <h2 id="open-instances-title" className="card-title">Open instances</h2>
      {rows.length === 0 ? (
        <p className="empty">No open instances.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Process</th>
              <th scope="col" className="number">Open</th>
              <th scope="col" className="number">Incident</th>
              <th scope="col" className="number">Overdue step</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.processKey}>
                <td data-label="Process">{processName(row.processKey)}</td>
                <td data-label="Open" className="number">
                  <CountLink count={row.open} label={`open ${row.processKey} instances`} href={instancesHref(row.processKey, 'open')} />
                </td>
                <td data-label="Incident" className="number">
                  <CountLink count={row.withIncident} label={`${row.processKey} instances at an incident`} href={instancesHref(row.processKey, '', { hasIncident: 'true' })} />
                </td>
                <td data-label="Overdue step" className="number">
                  <CountLink count={row.withOverdueTask} label={`${row.processKey} instances with an overdue task`} href={instancesHref(row.processKey, '', { overdue: 'true' })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
