import { ErrorSchema } from './schemas/common.schemas';
import { route, type AnyRoute } from './route';
import { Heatmap, HeatmapParams, HeatmapQuery } from './schemas/heatmap.schemas';
import { processHeatmap } from './heatmap.service';

/** Where a process spends its time: the heatmap on its diagram. */
export function heatmapRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/definitions/:key/heatmap',
      summary: 'Average and p90 time spent per element, overdue and incident counts, over a period (admins, owners, those given the process)',
      tag: 'definitions',
      access: 'user',
      params: HeatmapParams,
      query: HeatmapQuery,
      responses: {
        200: { description: 'The heatmap, slowest element first', schema: Heatmap },
        403: { description: 'Not an owner of the process, nor given it', schema: ErrorSchema },
        404: { description: 'No such process or version', schema: ErrorSchema },
      },
      async handle({ deps, user, params, query }) {
        return { body: await processHeatmap(deps.db, user, params.key, query) };
      },
    }),
  ];
}
