import { route, type AnyRoute } from './route';
import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { CompleteTaskBody, FormViolation, ReassignTaskBody, TaskDetail, TaskList, TaskListQuery, TaskSummary } from './schemas/task.schemas';
import { claimTask, completeTask, getTask, listTasks, reassignTask, unclaimTask } from './task.service';
import { sessionIdOf } from './signature.service';
import { z } from 'zod';

const notYours = { description: 'Not yours to act on', schema: ErrorSchema };
const notFound = { description: 'No such task', schema: ErrorSchema };
const notOpen = { description: 'The task is not open, or someone else holds it', schema: ErrorSchema };

/** The tasklist: finding, claiming and completing human tasks. */
export function taskRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/tasks',
      summary: 'The tasks you may see (open by default), filtered, sorted and paged',
      tag: 'tasks',
      access: 'user',
      query: TaskListQuery,
      responses: { 200: { description: 'A page of tasks', schema: TaskList } },
      async handle({ deps, user, query }) {
        return { body: await listTasks(deps.db, user, query) };
      },
    }),
    route({
      method: 'get',
      path: '/tasks/:id',
      summary: 'One task with its form (form-js schema), the variables it shows, and its electronic signature (required, given)',
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      responses: { 200: { description: 'The task', schema: TaskDetail }, 404: notFound },
      async handle({ deps, user, params, res }) {
        return { body: await getTask(deps.db, user, params.id, await sessionIdOf(deps.db, res.locals.token)) };
      },
    }),
    route({
      method: 'post',
      path: '/tasks/:id/claim',
      summary: 'Assign an unclaimed task to yourself',
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      responses: { 200: { description: 'Claimed', schema: TaskSummary }, 403: notYours, 404: notFound, 409: notOpen },
      async handle({ deps, user, params }) {
        return { body: await claimTask(deps.db, user, params.id) };
      },
    }),
    route({
      method: 'post',
      path: '/tasks/:id/unclaim',
      summary: 'Give a task back to its candidates',
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      responses: { 200: { description: 'Unclaimed', schema: TaskSummary }, 403: notYours, 404: notFound, 409: notOpen },
      async handle({ deps, user, params }) {
        return { body: await unclaimTask(deps.db, user, params.id) };
      },
    }),
    route({
      method: 'post',
      path: '/tasks/:id/reassign',
      summary: "Hand an open task to another user (their substitute when they are away) or to a candidate group, with a reason (the assignee's manager, process owners, admins)",
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      body: ReassignTaskBody,
      responses: {
        200: { description: 'Reassigned', schema: TaskSummary },
        400: { description: 'No reason, or an unknown user or group', schema: ErrorSchema },
        403: notYours,
        404: notFound,
        409: notOpen,
      },
      async handle({ deps, user, params, body }) {
        return { body: await reassignTask(deps.db, user, params.id, body) };
      },
    }),
    route({
      method: 'post',
      path: '/tasks/:id/complete',
      summary: 'Complete a task with the variables of its form and, when its step requires one, an electronic signature (claims it first when unassigned)',
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      body: CompleteTaskBody,
      responses: {
        200: { description: 'Completed; the process has moved on', schema: TaskSummary },
        400: { description: 'A signature missing, not expected, or with a meaning the step does not allow', schema: ErrorSchema },
        403: { description: 'Not yours to complete, or the signature was refused (wrong username or password)', schema: ErrorSchema },
        404: notFound,
        409: { description: 'Not open, or the process refused the completion', schema: ErrorSchema },
        422: {
          description: 'The variables fail the task form',
          schema: ErrorSchema.extend({ details: z.array(FormViolation) }),
        },
        429: { description: 'Signing is locked after too many failed attempts', schema: ErrorSchema },
        503: { description: 'Temporal is not reachable; retry later', schema: ErrorSchema },
      },
      async handle({ deps, user, params, body, res }) {
        const signed = { signature: body.signature, sessionId: await sessionIdOf(deps.db, res.locals.token) };
        return { body: await completeTask(deps, user, params.id, body.variables, signed) };
      },
    }),
  ];
}
