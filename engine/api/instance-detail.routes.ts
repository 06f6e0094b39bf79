import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { route, type AnyRoute } from './route';
import { InstanceTimeline } from './schemas/instance-detail.schemas';
import { instanceTimeline } from './instance-detail.service';

/** The instance page's history: every step with who, when and how long. */
export function instanceDetailRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/instances/:id/timeline',
      summary: 'Every step of an instance (tasks, automatic steps, waits, incidents, escalations, changes) with who, when and how long',
      tag: 'instances',
      access: 'user',
      params: IdParams,
      responses: {
        200: { description: 'The timeline, oldest first', schema: InstanceTimeline },
        404: { description: 'No such instance (or not yours to see)', schema: ErrorSchema },
      },
      async handle({ deps, user, params }) {
        return { body: await instanceTimeline(deps, user, params.id) };
      },
    }),
  ];
}
