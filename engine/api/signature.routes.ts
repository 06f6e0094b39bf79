import { findVisible } from './instance.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { SignatureView } from './schemas/signature.schemas';
import { listSignatures } from './signature-view';
import { z } from 'zod';

/** The electronic signatures given on an instance's tasks (a task's own are in GET /tasks/:id). */
export function signatureRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/instances/:id/signatures',
      summary: 'The signatures on the completed tasks of an instance: printed name, date and time, meaning, and whether the record is intact',
      tag: 'signatures',
      access: 'user',
      params: IdParams,
      responses: { 200: { description: 'Signatures, oldest first', schema: z.array(SignatureView) }, 404: { description: 'No such instance you may see', schema: ErrorSchema } },
      async handle({ deps, user, params }) {
        await findVisible(deps.db, user, params.id);
        return { body: await listSignatures(deps.db, { instanceId: params.id }) };
      },
    }),
  ];
}
