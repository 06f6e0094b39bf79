import { dashboard, escalationList } from './monitor.service';
import { route, type AnyRoute } from './route';
import { Dashboard, DashboardQuery, EscalationList, EscalationListQuery } from './schemas/monitor.schemas';

/** The monitor: what is open, late and slow, within what the caller may see. */
export function monitorRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/monitor/dashboard',
      summary: 'Open instances per process, reminders and escalations of the last 7/30 days, cycle times (median, p90, weekly) — of what you may see',
      tag: 'monitor',
      access: 'user',
      query: DashboardQuery,
      responses: { 200: { description: 'The dashboard', schema: Dashboard } },
      async handle({ deps, user, query }) {
        return { body: await dashboard(deps.db, user, query) };
      },
    }),
    route({
      method: 'get',
      path: '/monitor/escalations',
      summary: 'The reminders and escalations of the last `days` days you may see, newest first (at most 500 listed)',
      tag: 'monitor',
      access: 'user',
      query: EscalationListQuery,
      responses: { 200: { description: 'Newest first', schema: EscalationList } },
      async handle({ deps, user, query }) {
        return { body: await escalationList(deps.db, user, query) };
      },
    }),
  ];
}
