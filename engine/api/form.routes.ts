import { getForm, deployForm } from './form.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema } from './schemas/common.schemas';
import { VersionQuery } from './schemas/definition.schemas';
import { FormDeployed, FormIdParams, FormSchemaBody, FormView } from './schemas/form.schemas';

/** Deploying and reading form-js forms. */
export function formRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/forms',
      summary: 'Deploy a form-js schema (its `id` is the form id); an unchanged schema returns 200',
      tag: 'forms',
      access: ['owner', 'admin'],
      body: FormSchemaBody,
      responses: {
        201: { description: 'A new version', schema: FormDeployed },
        200: { description: 'Unchanged: the latest version', schema: FormDeployed },
      },
      async handle({ deps, body }) {
        const { formId, version, created } = await deployForm(deps.db, body);
        return { status: created ? 201 : 200, body: { formId, version } };
      },
    }),
    route({
      method: 'get',
      path: '/forms/:formId',
      summary: 'The latest version of a form, or `?version=`',
      tag: 'forms',
      access: 'user',
      params: FormIdParams,
      query: VersionQuery,
      responses: {
        200: { description: 'The form', schema: FormView },
        404: { description: 'No such form', schema: ErrorSchema },
      },
      async handle({ deps, params, query }) {
        return { body: await getForm(deps.db, params.formId, query.version) };
      },
    }),
  ];
}
