/**
 * The browser tab's title for each page (WCAG 2.4.2), so a tab, the history list and a
 * screen reader's first words tell the pages apart. Pure: App sets `document.title`.
 */
import { MONITOR_LIST_TITLES } from '../monitor/monitor-route';
import type { Route } from './routes';

/** Every page but the monitor (titled by its list below): a new page without a title is a type error. */
const TITLES: Record<Exclude<Route['name'], 'monitor'>, string> = {
  login: 'Sign in',
  tasks: 'Tasks',
  task: 'Task',
  processes: 'Processes',
  heatmap: 'Heatmap',
  versions: 'Versions',
  diff: 'Compare versions',
  instances: 'Instances',
  instance: 'Instance',
  notifications: 'Notifications',
  forms: 'Forms',
  form: 'Form editor',
  designer: 'Designer',
  access: 'Process access',
  notFound: 'Page not found',
};


/** "Tasks — Qualflow", "Overdue tasks — Qualflow". */
export function titleOf(route: Route): string {
  const page = route.name === 'monitor' ? (route.list ? MONITOR_LIST_TITLES[route.list] : 'Monitor') : TITLES[route.name];
  return `${page} — Qualflow`;
}
