/**
 * The heatmap drawn on the diagram: each element's heat level (1 quick … 5 slowest, by its
 * average time against the slowest element's) and the badge with its times. Pure.
 */
import { formatDuration } from '../monitor/format-duration';
import type { DiagramBadge } from './DiagramView';
import type { HeatmapElement } from './instance-page-api';

export const HEAT_LEVELS = 5;

/** Element id → `qf-heat-<level>`; elements with no finished visit get none. */
export function heatMarkers(elements: HeatmapElement[]): Map<string, string> {
  const slowest = Math.max(0, ...elements.map((element) => element.averageMs ?? 0));
  const markers = new Map<string, string>();
  for (const element of elements) {
    if (element.averageMs === null) continue;
    const level = slowest === 0 ? 1 : Math.max(1, Math.ceil((element.averageMs / slowest) * HEAT_LEVELS));
    markers.set(element.elementId, `qf-heat-${level}`);
  }
  return markers;
}

/** Element id → "⌀ 2 h · p90 5 h · 3 late" badge and its sentence. */
export function heatBadges(elements: HeatmapElement[]): Map<string, DiagramBadge> {
  const badges = new Map<string, DiagramBadge>();
  for (const element of elements) {
    if (element.averageMs === null && element.overdue === 0 && element.incidents === 0) continue;
    const text = [
      element.averageMs !== null && `⌀ ${formatDuration(element.averageMs)}`,
      element.p90Ms !== null && `p90 ${formatDuration(element.p90Ms)}`,
      element.overdue > 0 && `${element.overdue} late`,
    ].filter(Boolean);
    const label = [
      `${element.name}: ${element.finished} finished`,
      element.averageMs !== null && `average ${formatDuration(element.averageMs)}`,
      element.p90Ms !== null && `90th percentile ${formatDuration(element.p90Ms)}`,
      `${element.overdue} overdue`,
      `${element.incidents} incidents`,
    ].filter(Boolean);
    badges.set(element.elementId, { text: text.join(' · ') || `${element.incidents} incidents`, label: label.join(', ') });
  }
  return badges;
}
