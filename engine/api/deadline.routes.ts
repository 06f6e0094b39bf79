import { changeDue } from './deadline.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { ChangeDueBody } from './schemas/deadline.schemas';
import { TaskSummary } from './schemas/task.schemas';

/** Deadlines: moving a task's due date (its reminders and escalations follow). */
export function deadlineRoutes(): AnyRoute[] {
  return [
    route({
      method: 'patch',
      path: '/tasks/:id/due',
      summary: "Change an open task's due date with a reason (admin, process owner, or the assignee's manager); reminders and escalations that have not fired follow it",
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      body: ChangeDueBody,
      responses: {
        200: { description: 'The task with its new due date', schema: TaskSummary },
        400: { description: 'No valid date-time, or no reason', schema: ErrorSchema },
        403: { description: "Not an admin, a process owner or the assignee's manager", schema: ErrorSchema },
        404: { description: 'No such task', schema: ErrorSchema },
        409: { description: 'The task is not open, or the process refused the change', schema: ErrorSchema },
        503: { description: 'Temporal is not reachable; retry later', schema: ErrorSchema },
      },
      async handle({ deps, user, params, body }) {
        return { body: await changeDue(deps, user, params.id, body) };
      },
    }),
  ];
}
