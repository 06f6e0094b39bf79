/** Reminders and escalations that fired in the last 7 and 30 days, in all and per process. */
import type { Dashboard } from './api';
import { CountLink } from './CountLink';
import { monitorHref } from './monitor-route';

export function EscalationsCard({ escalations, processName }: { escalations: Dashboard['escalations']; processName: (key: string) => string }) {
  const href = (days: number, processKey?: string) => monitorHref('escalations', { days: String(days), ...(processKey && { processKey }) });
  return (
    <section className="card monitor-card" aria-labelledby="escalations-title">
      <h2 id="escalations-title" className="card-title">Reminders and escalations</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col" className="number">Last 7 days</th>
            <th scope="col" className="number">Last 30 days</th>
          </tr>
        </thead>
        <tbody>
          {escalations.byProcess.map((row) => (
            <tr key={row.processKey}>
              <td data-label="Process">{processName(row.processKey)}</td>
              <td data-label="Last 7 days" className="number">
                <CountLink count={row.last7Days} label={`${row.processKey} escalations in the last 7 days`} href={href(7, row.processKey)} />
              </td>
              <td data-label="Last 30 days" className="number">
                <CountLink count={row.last30Days} label={`${row.processKey} escalations in the last 30 days`} href={href(30, row.processKey)} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All processes</th>
            <td data-label="Last 7 days" className="number">
              <CountLink count={escalations.last7Days} label="escalations in the last 7 days" href={href(7)} />
            </td>
            <td data-label="Last 30 days" className="number">
              <CountLink count={escalations.last30Days} label="escalations in the last 30 days" href={href(30)} />
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
