/** Overdue tasks by process, by who holds them and by how late they are; each count opens its tasks. */
import { monitorHref } from './monitor-route';
import type { OverdueReport } from './api';
import { CountLink } from './CountLink';

type Holder = OverdueReport['byAssignee'][number];

/** The task list filters that select a holder's overdue tasks. */
function holderFilters(holder: Holder): Record<string, string> {
  if (holder.kind === 'assignee') return { assignee: holder.name ?? '' };
  if (holder.kind === 'group') return { candidateGroup: holder.name ?? '', assigned: 'false' };
  return { assigned: 'false' };
}

function holderLabel(holder: Holder): string {
  if (holder.kind === 'assignee') return holder.name ?? '';
  if (holder.kind === 'group') return `group ${holder.name}`;
  return 'nobody';
}

export function OverdueCard({ report, processName }: { report: OverdueReport; processName: (key: string) => string }) {
  const overdue = (filters: Record<string, string>) => monitorHref('overdue', filters);
  return (
    <section className="card monitor-card" aria-labelledby="overdue-title">
      <h2 id="overdue-title" className="card-title">
        Overdue tasks <CountLink count={report.total} label="overdue tasks" href={overdue({})} />
      </h2>
      {report.total === 0 ? (
        <p className="empty">Nothing is overdue.</p>
      ) : (
        <div className="monitor-columns">
          <table className="table" aria-label="Overdue tasks by process">
            <thead>
              <tr>
                <th scope="col">Process</th>
                <th scope="col" className="number">Overdue</th>
              </tr>
            </thead>
            <tbody>
              {report.byProcess.map((group) => (
                <tr key={group.processKey}>
                  <td data-label="Process">{processName(group.processKey)}</td>
                  <td data-label="Overdue" className="number">
                    <CountLink count={group.count} label={`overdue ${group.processKey} tasks`} href={overdue({ processKey: group.processKey })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table" aria-label="Overdue tasks by assignee">
            <thead>
              <tr>
                <th scope="col">Held by</th>
                <th scope="col" className="number">Overdue</th>
              </tr>
            </thead>
            <tbody>
              {report.byAssignee.map((holder) => (
                <tr key={`${holder.kind}:${holder.name}`}>
                  <td data-label="Held by">{holderLabel(holder)}</td>
                  <td data-label="Overdue" className="number">
                    <CountLink count={holder.count} label={`overdue tasks held by ${holderLabel(holder)}`} href={overdue(holderFilters(holder))} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table" aria-label="Overdue tasks by age">
            <thead>
              <tr>
                <th scope="col">Late by</th>
                <th scope="col" className="number">Tasks</th>
              </tr>
            </thead>
            <tbody>
              {report.byAgeBand.map((band) => (
                <tr key={band.band}>
                  <td data-label="Late by">{band.label}</td>
                  <td data-label="Tasks" className="number">
                    <CountLink
                      count={band.count}
                      label={`tasks overdue ${band.label}`}
                      href={overdue({ dueBefore: band.dueBefore, ...(band.dueAfter && { dueAfter: band.dueAfter }) })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
