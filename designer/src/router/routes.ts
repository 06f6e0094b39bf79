/**
 * The app's pages as data, and their `#/...` addresses. Pure: no DOM access here.
 */

import { designerQueryOf, diagramSourceOf, type DiagramSource } from '../modeler/diagram-source';
import { instanceFiltersOf, instanceQueryOf, type InstanceFilters } from '../instances/list-filters';
import { monitorFiltersOf, monitorHref, monitorListOf, type MonitorFilters, type MonitorList } from '../monitor/monitor-route';
import { versionsHref, versionsRouteOf, type VersionsRoute } from '../versions/version-routes';

export type TaskTab = 'mine' | 'groups' | 'all' | 'completed';
export type NotificationView = 'inbox' | 'outbox';

export type Route =
  | { name: 'login' }
  | { name: 'tasks'; tab: TaskTab }
  | { name: 'task'; id: string }
  | { name: 'processes' }
  /** Where a process spends its time, on its diagram. */
  | { name: 'heatmap'; processKey: string }
  /** Who a process is given to besides its owner (admins and the owner manage it). */
  | { name: 'access'; processKey: string }
  /** A process's version history, or the diff of two of its versions. */
  | VersionsRoute
  /** `filters`: the instance list's other filters (list-filters.ts), absent when none. */
  | { name: 'instances'; status: string; filters?: Omit<InstanceFilters, 'status'> }
  /** The monitor dashboard, or with `list` the tasks or events behind one of its numbers. */
  | { name: 'monitor'; list?: MonitorList; filters?: MonitorFilters }
  | { name: 'instance'; id: string }
  | { name: 'notifications'; view: NotificationView }
  /** The form editor; `formId` null for a new form, `title` the heading a new form starts with. */
  | { name: 'form'; formId: string | null; title: string }
  | { name: 'forms' }
  /** The process designer, with where its diagram comes from. */
  | { name: 'designer'; source: DiagramSource }
  | { name: 'notFound'; path: string };

const TASK_TABS: TaskTab[] = ['mine', 'groups', 'all', 'completed'];

/** Reads a location hash (`#/instances/abc`, `#/instances?status=active`) into a route. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const segments = pathPart.split('/').filter(Boolean).map(safeDecode);
  const query = new URLSearchParams(queryPart);
  const [first, second] = segments;
  if (segments.length === 0) return { name: 'tasks', tab: 'mine' };
  if (first === 'login' && segments.length === 1) return { name: 'login' };
  if (first === 'tasks' && segments.length <= 2) {
    const tab = (second ?? 'mine') as TaskTab;
    if (TASK_TABS.includes(tab)) return { name: 'tasks', tab };
  }
  if (first === 'task' && second && segments.length === 2) return { name: 'task', id: second };
  if (first === 'processes' && segments.length === 1) return { name: 'processes' };
  if (first === 'processes' && second && segments[2] === 'heatmap' && segments.length === 3) return { name: 'heatmap', processKey: second };
  if (first === 'processes' && second && segments[2] === 'access' && segments.length === 3) return { name: 'access', processKey: second };
  const versions = versionsRouteOf(segments, query);
  if (versions) return versions;
  if (first === 'instances' && segments.length === 1) {
    const { status = '', ...filters } = instanceFiltersOf(query);
    return Object.keys(filters).length > 0 ? { name: 'instances', status, filters } : { name: 'instances', status };
  }
  if (first === 'monitor' && segments.length <= 2 && monitorListOf(second) !== null) {
    const list = monitorListOf(second) ?? undefined;
    const filters = monitorFiltersOf(query);
    return { name: 'monitor', ...(list && { list }), ...(Object.keys(filters).length > 0 && { filters }) };
  }
  if (first === 'instances' && second && segments.length === 2) return { name: 'instance', id: second };
  if (first === 'notifications' && segments.length <= 2) {
    const view = (second ?? 'inbox') as NotificationView;
    if (view === 'inbox' || view === 'outbox') return { name: 'notifications', view };
  }
  if (first === 'forms' && segments.length === 1) return { name: 'forms' };
  if (first === 'forms' && second && segments.length === 2) {
    return { name: 'form', formId: second === 'new' ? null : second, title: query.get('title') ?? '' };
  }
  if (first === 'designer' && segments.length === 1) return { name: 'designer', source: diagramSourceOf(query) };
  return { name: 'notFound', path: pathPart };
}

/** The `#/...` address of a route; `parseHash(hrefOf(r))` gives `r` back. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'login':
      return '#/login';
    case 'tasks':
      return route.tab === 'mine' ? '#/tasks' : `#/tasks/${route.tab}`;
    case 'task':
      return `#/task/${encodeURIComponent(route.id)}`;
    case 'processes':
      return '#/processes';
    case 'heatmap':
      return `#/processes/${encodeURIComponent(route.processKey)}/heatmap`;
    case 'access':
      return `#/processes/${encodeURIComponent(route.processKey)}/access`;
    case 'versions':
    case 'diff':
      return versionsHref(route);
    case 'instances': {
      const query = instanceQueryOf({ status: route.status, ...route.filters });
      return query ? `#/instances?${query}` : '#/instances';
    }
    case 'monitor':
      return monitorHref(route.list, route.filters);
    case 'instance':
      return `#/instances/${encodeURIComponent(route.id)}`;
    case 'notifications':
      return route.view === 'outbox' ? '#/notifications/outbox' : '#/notifications';
    case 'form': {
      const title = route.title ? `?title=${encodeURIComponent(route.title)}` : '';
      return `#/forms/${route.formId === null ? 'new' : encodeURIComponent(route.formId)}${title}`;
    }
    case 'forms':
      return '#/forms';
    case 'designer':
      return `#/designer${designerQueryOf(route.source)}`;
    case 'notFound':
      return `#${route.path}`;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
