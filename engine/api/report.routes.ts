import { route, type AnyRoute } from './route';
import { OverdueReport, OverdueReportQuery } from './schemas/report.schemas';
import { overdueReport } from './report.service';

/** Reports for managers and everyone else, always within what the caller may see. */
export function reportRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/reports/overdue',
      summary: 'Open overdue tasks you may see, grouped by process, by assignee (unassigned: by candidate group) and by age band, with counts and the oldest of each',
      tag: 'reports',
      access: 'user',
      query: OverdueReportQuery,
      responses: { 200: { description: 'The overdue report', schema: OverdueReport } },
      async handle({ deps, user, query }) {
        return { body: await overdueReport(deps.db, user, query) };
      },
    }),
  ];
}
