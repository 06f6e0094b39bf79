/** The instance list as a CSV download, with the same filters and scope as `GET /api/instances`. */
import { z } from 'zod';
import { exportInstancesCsv } from './instance-list';
import { route, type AnyRoute } from './route';
import { InstanceExportQuery } from './schemas/instance.schemas';

export function instanceListRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/instances.csv',
      summary: 'The instances you may see that match the filters, as CSV (at most 50,000 rows)',
      tag: 'instances',
      access: 'user',
      query: InstanceExportQuery,
      responses: { 200: { description: 'CSV with a header row', schema: z.string(), contentType: 'text/csv' } },
      async handle({ deps, user, query }) {
        return {
          body: await exportInstancesCsv(deps.db, user, query),
          contentType: 'text/csv; charset=utf-8',
          headers: { 'Content-Disposition': 'attachment; filename="instances.csv"', 'X-Content-Type-Options': 'nosniff' },
        };
      },
    }),
  ];
}
