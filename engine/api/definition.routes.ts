import type { ApiDeps } from './context';
import { z } from 'zod';
import { listDecisionVersions, listLatestDecisions } from './decision.service';
import { deployResources } from './deployment.service';
import { deployResource, findDefinition, listDefinitionVersions, listLatestDefinitions } from './definition.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema } from './schemas/common.schemas';
import {
  BpmnXmlBody,
  CompileErrors,
  DecisionIdParams,
  DecisionList,
  DefinitionList,
  DeploymentBody,
  DeploymentErrors,
  DeploymentView,
  DeployedResource,
  KeyParams,
  VersionQuery,
} from './schemas/definition.schemas';

const toView = <T extends { createdAt: Date }>(row: T) => ({ ...row, createdAt: row.createdAt.toISOString() });

/** What timer start events need to get their Temporal schedules. */
function startEventDeps(deps: ApiDeps) {
  return { temporal: deps.temporal, taskQueue: deps.taskQueue, log: deps.log };
}

/** Deploying BPMN process definitions and DMN decisions, and reading them. */
export function definitionRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/definitions',
      summary: 'Deploy a BPMN diagram or a DMN file (application/xml, told apart by the root element namespace); identical XML returns the existing version(s) with 200',
      tag: 'definitions',
      access: ['owner', 'admin'],
      body: BpmnXmlBody,
      bodyType: 'xml',
      responses: {
        201: { description: 'A new version (BPMN: the definition; DMN: the deployment and each decision\'s version)', schema: DeployedResource },
        200: { description: 'The XML equals the latest version: nothing deployed', schema: DeployedResource },
        415: { description: 'Not XML', schema: ErrorSchema },
        422: { description: 'The diagram or DMN file does not compile', schema: CompileErrors },
      },
      async handle({ deps, user, body }) {
        const result = await deployResource(deps.db, body, user.username, { temporal: startEventDeps(deps) });
        if (!result.ok) {
          const error = result.resource === 'dmn' ? 'The DMN file does not compile' : 'The diagram does not compile';
          return { status: 422, body: { error, errors: result.errors, warnings: result.warnings } };
        }
        if (result.resource === 'dmn') {
          return { status: result.created ? 201 : 200, body: { deploymentId: result.deploymentId, decisions: result.decisions } };
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
    ...decisionRoutes(),
  ];
}

/** Deploying several resources together, and reading deployed DMN decisions (process owners and admins). */
function decisionRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/deployments',
      summary: 'Deploy BPMN diagrams and DMN files together under one deployment id (for bindingType "deployment"); nothing is stored unless all compile',
      tag: 'definitions',
      access: ['owner', 'admin'],
      body: DeploymentBody,
      responses: {
        201: { description: 'Deployed (new versions where a resource changed)', schema: DeploymentView },
        200: { description: 'Every resource equals its latest version: nothing new deployed', schema: DeploymentView },
        422: { description: 'A resource does not compile', schema: DeploymentErrors },
      },
      async handle({ deps, user, body }) {
        const result = await deployResources(deps.db, body.resources, user.username, { temporal: startEventDeps(deps) });
        if (!result.ok) {
          return { status: 422, body: { error: 'A resource of the deployment does not compile', errors: result.errors, warnings: result.warnings } };
        }
        const { deploymentId, processes, decisions } = result;
        return { status: result.created ? 201 : 200, body: { deploymentId, processes, decisions } };
      },
    }),
    route({
      method: 'get',
      path: '/decisions',
      summary: 'The latest version of every deployed decision',
      tag: 'definitions',
      access: ['owner', 'admin'],
      responses: { 200: { description: 'Decisions by decision id', schema: DecisionList } },
      async handle({ deps }) {
        const items = (await listLatestDecisions(deps.db)).map(toView);
        return { body: { items, total: items.length } };
      },
    }),
    route({
      method: 'get',
      path: '/decisions/:id',
      summary: 'Every version of one decision (by its DMN decision id), newest first',
      tag: 'definitions',
      access: ['owner', 'admin'],
      params: DecisionIdParams,
      responses: {
        200: { description: 'Versions', schema: DecisionList },
        404: { description: 'No such decision', schema: ErrorSchema },
      },
      async handle({ deps, params }) {
        const items = (await listDecisionVersions(deps.db, params.id)).map(toView);
        return { body: { items, total: items.length } };
      },
    }),
  ];
}
