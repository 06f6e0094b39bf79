/**
 * Cycle time of completed instances (start to end): median and 90th percentile per
 * process, and per process per week (weeks start on Monday, UTC) for the chart. Pure.
 */
export interface CompletedInstance {
  processKey: string;
  startedAt: Date;
  endedAt: Date;
}

export interface CycleTimeStats {
  completed: number;
  medianMs: number | null;
  p90Ms: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The nearest-rank `p`-quantile (0 < p ≤ 1) of ascending `sorted`; null when empty. */
export function quantile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export function statsOf(durations: number[]): CycleTimeStats {
  const sorted = [...durations].sort((a, b) => a - b);
  return { completed: sorted.length, medianMs: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9) };
}

/** Midnight UTC of the Monday of the week `at` falls in. */
export function weekStart(at: Date): Date {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const daysSinceMonday = (at.getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY_MS);
}

function groupDurations<K>(rows: CompletedInstance[], keyOf: (row: CompletedInstance) => K): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const durations = groups.get(key) ?? [];
    durations.push(row.endedAt.getTime() - row.startedAt.getTime());
    groups.set(key, durations);
  }
  return groups;
}

/** Per process, slowest median first. */
export function cycleTimesByProcess(rows: CompletedInstance[]): (CycleTimeStats & { processKey: string })[] {
  return [...groupDurations(rows, (row) => row.processKey)]
    .map(([processKey, durations]) => ({ processKey, ...statsOf(durations) }))
    .sort((a, b) => (b.medianMs ?? 0) - (a.medianMs ?? 0) || a.processKey.localeCompare(b.processKey));
}

/** Per process and week of completion, oldest week first. */
export function weeklyCycleTimes(rows: CompletedInstance[]): (CycleTimeStats & { processKey: string; weekStart: string })[] {
  const groups = groupDurations(rows, (row) => `${row.processKey}\u0000${weekStart(row.endedAt).toISOString()}`);
  return [...groups]
    .map(([key, durations]) => {
      const [processKey, week] = key.split('\u0000');
      return { processKey, weekStart: week, ...statsOf(durations) };
    })
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.processKey.localeCompare(b.processKey));
}
