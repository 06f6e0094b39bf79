/**
 * Addresses of the monitor: the dashboard `#/monitor` and the lists behind its numbers,
 * `#/monitor/overdue?processKey=capa` and `#/monitor/escalations?days=7`. Pure.
 */

export type MonitorList = 'overdue' | 'escalations';

/** What each list behind a dashboard number is called, as a heading and a tab title. */
export const MONITOR_LIST_TITLES: Record<MonitorList, string> = { overdue: 'Overdue tasks', escalations: 'Reminders and escalations' };

/** Which tasks or events a monitor list shows, as the API names the filters. */
export type MonitorFilters = Record<string, string>;

const LISTS: MonitorList[] = ['overdue', 'escalations'];

export function monitorListOf(segment: string | undefined): MonitorList | undefined | null {
  if (segment === undefined) return undefined;
  return LISTS.includes(segment as MonitorList) ? (segment as MonitorList) : null;
}

export function monitorFiltersOf(query: URLSearchParams): MonitorFilters {
  return Object.fromEntries([...query].filter(([, value]) => value !== ''));
}

export function monitorHref(list: MonitorList | undefined, filters: MonitorFilters = {}): string {
  const query = new URLSearchParams(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b))).toString();
  return `#/monitor${list ? `/${list}` : ''}${query ? `?${query}` : ''}`;
}
