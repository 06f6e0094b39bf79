import { z } from 'zod';
import { deployDefinition, findDefinition, listDefinitionVersions, listLatestDefinitions } from './definition.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema } from './schemas/common.schemas';
import {
  BpmnXmlBody,
  CompileErrors,
  DefinitionList,
  DefinitionSummary,
  KeyParams,
  VersionQuery,
} from './schemas/definition.schemas';

type DefinitionRow = { id: string; key: string; version: number; name: string; deployedBy: string | null; createdAt: Date };

const toView = (row: DefinitionRow) => ({ ...row, createdAt: row.createdAt.toISOString() });

/** Deploying and reading BPMN process definitions. */
export function definitionRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/definitions',
      summary: 'Deploy a BPMN diagram (application/xml); identical XML returns the existing version with 200',
      tag: 'definitions',
      access: ['owner', 'admin'],
      body: BpmnXmlBody,
      bodyType: 'xml',
      responses: {
        201: { description: 'A new version', schema: DefinitionSummary },
        200: { description: 'The XML equals the latest version: nothing deployed', schema: DefinitionSummary },
        415: { description: 'Not XML', schema: ErrorSchema },
        422: { description: 'The diagram does not compile', schema: CompileErrors },
      },
      async handle({ deps, user, body }) {
        const result = await deployDefinition(deps.db, body, user.username);
        if (!result.ok) {
          return {
            status: 422,
            body: { error: 'The diagram does not compile', errors: result.errors, warnings: result.warnings },
          };
        }
        return { status: result.created ? 201 : 200, body: result.definition };
      },
    }),
    route({
      method: 'get',
      path: '/definitions',
      summary: 'The latest version of every deployed process',
      tag: 'definitions',
      access: 'user',
      responses: { 200: { description: 'Definitions by key', schema: DefinitionList } },
      async handle({ deps }) {
        const items = (await listLatestDefinitions(deps.db)).map(toView);
        return { body: { items, total: items.length } };
      },
    }),
    route({
      method: 'get',
      path: '/definitions/:key',
      summary: 'Every version of one process, newest first',
      tag: 'definitions',
      access: 'user',
      params: KeyParams,
      responses: {
        200: { description: 'Versions', schema: DefinitionList },
        404: { description: 'No such process', schema: ErrorSchema },
      },
      async handle({ deps, params }) {
        const items = (await listDefinitionVersions(deps.db, params.key)).map(toView);
        return { body: { items, total: items.length } };
      },
    }),
    route({
      method: 'get',
      path: '/definitions/:key/xml',
      summary: 'The BPMN XML of the latest version, or of `?version=`',
      tag: 'definitions',
      access: 'user',
      params: KeyParams,
      query: VersionQuery,
      responses: {
        200: { description: 'BPMN XML', contentType: 'application/xml', schema: z.string() },
        404: { description: 'No such process or version', schema: ErrorSchema },
      },
      async handle({ deps, params, query }) {
        const row = await findDefinition(deps.db, params.key, query.version);
        return { body: row.xml, contentType: 'application/xml', headers: { 'X-Definition-Version': String(row.version) } };
      },
    }),
  ];
}
