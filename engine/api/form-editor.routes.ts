import { z } from 'zod';
import type { FormSchema } from '../forms/form-schema';
import { listForms, saveForm } from './form-editor.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema } from './schemas/common.schemas';
import { FormIdParams, FormSchemaBody } from './schemas/form.schemas';

const SaveFormBody = z.object({ schema: FormSchemaBody });

const FormSaved = z.object({ formId: z.string(), version: z.number().int(), changed: z.boolean() });

const FormList = z.object({
  items: z.array(z.object({ formId: z.string(), version: z.number().int(), name: z.string().nullable(), savedAt: z.string() })),
});

/** The designer's form editor: list the forms, save a form as its next version. */
export function formEditorRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/forms',
      summary: 'The latest version of every form',
      tag: 'forms',
      access: 'user',
      responses: { 200: { description: 'Forms by id', schema: FormList } },
      async handle({ deps }) {
        return { body: { items: await listForms(deps.db) } };
      },
    }),
    route({
      method: 'put',
      path: '/forms/:formId',
      summary: "Save a form from the editor: a changed schema becomes the next version (audited); the schema's id must be the form id",
      tag: 'forms',
      access: ['owner', 'admin'],
      params: FormIdParams,
      body: SaveFormBody,
      responses: {
        200: { description: 'Saved (or unchanged)', schema: FormSaved },
        400: { description: 'The schema has problems', schema: ErrorSchema },
      },
      async handle({ deps, user, params, body }) {
        return { body: await saveForm(deps.db, user, params.formId, body.schema as FormSchema) };
      },
    }),
  ];
}
