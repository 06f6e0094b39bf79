import { grantProcess, listGrants, revokeProcess } from './process-grant.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema } from './schemas/common.schemas';
import { GrantParams, ProcessGrantList, ProcessKeyParams } from './schemas/process-grant.schemas';

const refused = {
  403: { description: 'Not an admin or the process owner', schema: ErrorSchema },
  404: { description: 'No such process', schema: ErrorSchema },
};

/** Who is given a process to watch (besides its owner): they see all its instances and tasks. */
export function processGrantRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/definitions/:key/grants',
      summary: 'The people a process is given to (admins and the process owner)',
      tag: 'definitions',
      access: 'user',
      params: ProcessKeyParams,
      responses: { 200: { description: 'By username', schema: ProcessGrantList }, ...refused },
      async handle({ deps, user, params }) {
        return { body: await listGrants(deps.db, user, params.key) };
      },
    }),
    route({
      method: 'put',
      path: '/definitions/:key/grants/:username',
      summary: 'Give a process to someone: they see all its instances and tasks (idempotent)',
      tag: 'definitions',
      access: 'user',
      params: GrantParams,
      responses: { 204: { description: 'Given' }, 400: { description: 'No such user', schema: ErrorSchema }, ...refused },
      async handle({ deps, user, params }) {
        await grantProcess(deps.db, user, params.key, params.username);
        return { status: 204 };
      },
    }),
    route({
      method: 'delete',
      path: '/definitions/:key/grants/:username',
      summary: 'Take a process back',
      tag: 'definitions',
      access: 'user',
      params: GrantParams,
      responses: { 204: { description: 'Taken back (or never given)' }, ...refused },
      async handle({ deps, user, params }) {
        await revokeProcess(deps.db, user, params.key, params.username);
        return { status: 204 };
      },
    }),
  ];
}
