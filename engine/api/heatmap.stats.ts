/**
 * The arithmetic of the heatmap: time spent per element from start/end pairs, average
 * and 90th percentile (nearest rank), overdue counts. Pure.
 */
import type { z } from 'zod';
import type { HeatmapElement } from './schemas/heatmap.schemas';

type Element = z.output<typeof HeatmapElement>;

/** One visit of an element: a task, a message/signal wait, or any other element's stay (an element visit). */
export interface Visit {
  elementId: string;
  kind: Element['kind'];
  startedAt: Date;
  /** Null while still there. */
  endedAt: Date | null;
  dueAt?: Date | null;
}

/** The value at percentile `p` (0..100) of ascending `sorted` values, nearest-rank; null when empty. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * Per element: finished and open visits, average / p90 / max time of the finished ones,
 * overdue visits at `now`, and the incidents counted per element. Slowest average first;
 * elements with no finished visit last.
 */
export function heatOf(visits: Visit[], incidents: Map<string, number>, names: Record<string, string>, now: Date): Element[] {
  const groups = new Map<string, Visit[]>();
  for (const visit of visits) groups.set(visit.elementId, [...(groups.get(visit.elementId) ?? []), visit]);
  for (const elementId of incidents.keys()) if (!groups.has(elementId)) groups.set(elementId, []);
  const elements = [...groups].map(([elementId, group]): Element => {
    const times = group
      .filter((visit) => visit.endedAt !== null)
      .map((visit) => visit.endedAt!.getTime() - visit.startedAt.getTime())
      .sort((a, b) => a - b);
    const average = times.length > 0 ? Math.round(times.reduce((sum, time) => sum + time, 0) / times.length) : null;
    return {
      elementId,
      name: names[elementId] ?? elementId,
      kind: group[0]?.kind ?? 'task',
      finished: times.length,
      open: group.length - times.length,
      averageMs: average,
      p90Ms: percentile(times, 90),
      maxMs: times.at(-1) ?? null,
      overdue: group.filter((visit) => visit.dueAt && (visit.endedAt ?? now) > visit.dueAt).length,
      incidents: incidents.get(elementId) ?? 0,
    };
  });
  return elements.sort((a, b) => (b.averageMs ?? -1) - (a.averageMs ?? -1) || a.elementId.localeCompare(b.elementId));
}
