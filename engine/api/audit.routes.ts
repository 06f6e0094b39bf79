import { instanceAuditTrail, taskAuditTrail } from './audit.service';
import { route, type AnyRoute } from './route';
import { AuditTrail } from './schemas/audit.schemas';
import { ErrorSchema, IdParams } from './schemas/common.schemas';

/** The audit trail of a task and of an instance, authorised like the object itself. */
export function auditRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/tasks/:id/audit',
      summary: 'Every recorded change of a task (created, assigned, claimed, signed, completed, ...), oldest first',
      tag: 'audit',
      access: 'user',
      params: IdParams,
      responses: { 200: { description: 'The audit trail', schema: AuditTrail }, 404: { description: 'No such task you may see', schema: ErrorSchema } },
      async handle({ deps, user, params }) {
        return { body: await taskAuditTrail(deps.db, user, params.id) };
      },
    }),
    route({
      method: 'get',
      path: '/instances/:id/audit',
      summary: 'Every recorded change of an instance and its tasks, oldest first',
      tag: 'audit',
      access: 'user',
      params: IdParams,
      responses: { 200: { description: 'The audit trail', schema: AuditTrail }, 404: { description: 'No such instance you may see', schema: ErrorSchema } },
      async handle({ deps, user, params }) {
        return { body: await instanceAuditTrail(deps.db, user, params.id) };
      },
    }),
  ];
}
