/**
 * Weekly median cycle time per process as an inline SVG line chart (one colour per
 * process, a legend, a title and a table-like description for screen readers).
 */
import type { Dashboard } from './api';
import { formatDuration } from './format-duration';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 56, right: 16, top: 12, bottom: 28 };
const COLOURS = ['#2453c7', '#c02b2b', '#16794a', '#a35c00', '#7a3fb8', '#00758f'];

type Week = Dashboard['cycleTimes']['weekly'][number];

export function CycleTimeChart({ weekly, processName }: { weekly: Week[]; processName: (key: string) => string }) {
  const weeks = [...new Set(weekly.map((w) => w.weekStart))].sort();
  const processes = [...new Set(weekly.map((w) => w.processKey))].sort();
  const maxMs = Math.max(...weekly.map((w) => w.medianMs ?? 0), 1);
  if (weeks.length === 0) return <p className="empty">No instance completed in the period.</p>;
  const x = (week: string) => PAD.left + (weeks.length === 1 ? 0.5 : weeks.indexOf(week) / (weeks.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (ms: number) => HEIGHT - PAD.bottom - (ms / maxMs) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = [0, 0.5, 1].map((f) => f * maxMs);
  return (
    <figure className="cycle-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="cycle-chart-title">
        <title id="cycle-chart-title">Median cycle time per week and process</title>
        {ticks.map((ms) => (
          <g key={ms}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(ms)} y2={y(ms)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(ms) + 4} textAnchor="end" className="chart-label">
              {formatDuration(ms)}
            </text>
          </g>
        ))}
        {[weeks[0], weeks[weeks.length - 1]].map((week) => (
          <text key={week} x={x(week)} y={HEIGHT - 8} textAnchor="middle" className="chart-label">
            {week.slice(0, 10)}
          </text>
        ))}
        {processes.map((processKey, index) => {
          const points = weekly.filter((w) => w.processKey === processKey && w.medianMs !== null);
          const colour = COLOURS[index % COLOURS.length];
          return (
            <g key={processKey} data-process={processKey}>
              <polyline fill="none" stroke={colour} strokeWidth={2} points={points.map((w) => `${x(w.weekStart)},${y(w.medianMs ?? 0)}`).join(' ')} />
              {points.map((w) => (
                <circle key={w.weekStart} cx={x(w.weekStart)} cy={y(w.medianMs ?? 0)} r={3.5} fill={colour}>
                  <title>{`${processName(processKey)}, week of ${w.weekStart.slice(0, 10)}: median ${formatDuration(w.medianMs)}, p90 ${formatDuration(w.p90Ms)} (${w.completed} completed)`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {processes.map((processKey, index) => (
          <span key={processKey}>
            <span className="chart-swatch" style={{ background: COLOURS[index % COLOURS.length] }} aria-hidden="true" />
            {processName(processKey)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
