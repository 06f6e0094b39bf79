/** Cycle time per process (median, p90) over the chosen period, and the weekly chart. */
import { hrefOf } from '../router/routes';
import type { Dashboard } from './api';
import { CountLink } from './CountLink';
import { CycleTimeChart } from './CycleTimeChart';
import { formatDuration } from './format-duration';

interface Props {
  cycleTimes: Dashboard['cycleTimes'];
  days: number;
  onDaysChange(days: number): void;
  processName(key: string): string;
}

const PERIODS = [30, 90, 180, 365];

export function CycleTimesCard({ cycleTimes, days, onDaysChange, processName }: Props) {
  const completedHref = (processKey: string) =>
    hrefOf({ name: 'instances', status: 'completed', filters: { processKey, endedAfter: cycleTimes.since } });
  return (
    <section className="card monitor-card monitor-wide" aria-labelledby="cycle-title">
      <div className="monitor-card-head">
        <h2 id="cycle-title" className="card-title">Cycle time</h2>
        <label className="inline-field">
          <span>Completed in the last</span>
          <select value={days} onChange={(event) => onDaysChange(Number(event.target.value))}>
            {PERIODS.map((period) => (
              <option key={period} value={period}>
                {period} days
              </option>
            ))}
          </select>
        </label>
      </div>
      {cycleTimes.byProcess.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Process</th>
              <th scope="col" className="number">Completed</th>
              <th scope="col" className="number">Median</th>
              <th scope="col" className="number">90th percentile</th>
            </tr>
          </thead>
          <tbody>
            {cycleTimes.byProcess.map((row) => (
              <tr key={row.processKey}>
                <td data-label="Process">{processName(row.processKey)}</td>
                <td data-label="Completed" className="number">
                  <CountLink count={row.completed} label={`completed ${row.processKey} instances`} href={completedHref(row.processKey)} />
                </td>
                <td data-label="Median" className="number">{formatDuration(row.medianMs)}</td>
                <td data-label="90th percentile" className="number">{formatDuration(row.p90Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CycleTimeChart weekly={cycleTimes.weekly} processName={processName} />
    </section>
  );
}
