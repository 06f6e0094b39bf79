import { route, type AnyRoute } from './route';
import { TemplateList } from './schemas/designer.schemas';
import { listProcessTemplates } from './template.service';

/** "New from template" in the designer (process owners and admins). */
export function templateRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/templates',
      summary: 'The QMS process templates (document approval, CAPA, management review) with their BPMN XML',
      tag: 'designer',
      access: ['owner', 'admin'],
      responses: { 200: { description: 'Templates', schema: TemplateList } },
      async handle() {
        const items = await listProcessTemplates();
        return { body: { items, total: items.length } };
      },
    }),
  ];
}
