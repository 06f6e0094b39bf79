import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { route, type AnyRoute } from './route';
import { VariablesEditBody, VariablesEdited } from './schemas/variables.schemas';
import { editInstanceVariables } from './variables.service';

/** An admin's correction of a running instance's process variables (audited, with a reason). */
export function variablesRoutes(): AnyRoute[] {
  return [
    route({
      method: 'patch',
      path: '/instances/:id/variables',
      summary: 'Set process variables of a running instance (admins, with a reason; the audit trail keeps the earlier values)',
      tag: 'instances',
      access: ['admin'],
      params: IdParams,
      body: VariablesEditBody,
      responses: {
        200: { description: 'The variables after the change', schema: VariablesEdited },
        403: { description: 'Only admins change variables', schema: ErrorSchema },
        404: { description: 'No such instance', schema: ErrorSchema },
        409: { description: 'The instance has ended, or the process refused', schema: ErrorSchema },
        503: { description: 'Temporal is not reachable; retry later (see Retry-After)', schema: ErrorSchema },
      },
      async handle({ deps, user, params, body }) {
        return { body: await editInstanceVariables(deps, user, params.id, body) };
      },
    }),
  ];
}
