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

interface CountRow {
  key: string;
  name: string;
  count: number;
  /** What the count link says after the number (its accessible name). */
  label: string;
  href: string;
}

/** A two-column table: a name and the count that opens its tasks. */
function CountTable({ caption, heading, countHeading, rows }: { caption: string; heading: string; countHeading: string; rows: CountRow[] }) {
  return (
    <table className="table" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="number">
            {countHeading}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td data-label={heading}>{row.name}</td>
            <td data-label={countHeading} className="number">
              <CountLink count={row.count} label={row.label} href={row.href} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
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
          <CountTable
            caption="Overdue tasks by process"
            heading="Process"
            countHeading="Overdue"
            rows={report.byProcess.map((group) => ({
              key: group.processKey,
              name: processName(group.processKey),
              count: group.count,
              label: `overdue ${group.processKey} tasks`,
              href: overdue({ processKey: group.processKey }),
            }))}
          />
          <CountTable
            caption="Overdue tasks by assignee"
            heading="Held by"
            countHeading="Overdue"
            rows={report.byAssignee.map((holder) => ({
              key: `${holder.kind}:${holder.name}`,
              name: holderLabel(holder),
              count: holder.count,
              label: `overdue tasks held by ${holderLabel(holder)}`,
              href: overdue(holderFilters(holder)),
            }))}
          />
          <CountTable
            caption="Overdue tasks by age"
            heading="Late by"
            countHeading="Tasks"
            rows={report.byAgeBand.map((band) => ({
              key: band.band,
              name: band.label,
              count: band.count,
              label: `tasks overdue ${band.label}`,
              href: overdue({ dueBefore: band.dueBefore, ...(band.dueAfter && { dueAfter: band.dueAfter }) }),
            }))}
          />
        </div>
      )}
    </section>
  );
}
