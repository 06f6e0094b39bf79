import { z } from 'zod';

/** A form-js schema: an object with an `id` and (usually) `components`; other keys pass through. */
export const FormSchemaBody = z
  .looseObject({
    id: z.string().min(1).max(255),
    components: z.array(z.looseObject({ type: z.string() })).optional(),
  })
  .meta({ id: 'FormJsSchema' });

export const FormDeployed = z.object({ formId: z.string(), version: z.number().int() });

export const FormView = z.object({
  formId: z.string(),
  version: z.number().int(),
  schema: z.record(z.string(), z.unknown()),
});

export const FormIdParams = z.object({ formId: z.string().min(1).max(255) });
