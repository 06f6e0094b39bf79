/**
 * The app's pages as data, and their `#/...` addresses. Pure: no DOM access here.
 */

export type TaskTab = 'mine' | 'groups' | 'completed';
export type NotificationView = 'inbox' | 'outbox';

export type Route =
  | { name: 'login' }
  | { name: 'tasks'; tab: TaskTab }
  | { name: 'task'; id: string }
  | { name: 'processes' }
  | { name: 'instances'; status: string }
  | { name: 'instance'; id: string }
  | { name: 'notifications'; view: NotificationView }
  | { name: 'notFound'; path: string };

const TASK_TABS: TaskTab[] = ['mine', 'groups', 'completed'];

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
  if (first === 'instances' && segments.length === 1) {
    return { name: 'instances', status: query.get('status') ?? '' };
  }
  if (first === 'instances' && second && segments.length === 2) return { name: 'instance', id: second };
  if (first === 'notifications' && segments.length <= 2) {
    const view = (second ?? 'inbox') as NotificationView;
    if (view === 'inbox' || view === 'outbox') return { name: 'notifications', view };
  }
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
    case 'instances':
      return route.status ? `#/instances?status=${encodeURIComponent(route.status)}` : '#/instances';
    case 'instance':
      return `#/instances/${encodeURIComponent(route.id)}`;
    case 'notifications':
      return route.view === 'outbox' ? '#/notifications/outbox' : '#/notifications';
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
