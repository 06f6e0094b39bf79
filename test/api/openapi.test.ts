import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from './support/api-harness';

/** The routes issue 2 fixes; the document must list each of them. */
const REQUIRED = [
  'post /api/auth/login',
  'post /api/auth/logout',
  'get /api/me',
  'get /api/health',
  'post /api/users',
  'get /api/users',
  'get /api/groups',
  'post /api/definitions',
  'get /api/definitions',
  'get /api/definitions/{key}',
  'get /api/definitions/{key}/xml',
  'post /api/forms',
  'get /api/forms/{formId}',
  'get /api/forms',
  'put /api/forms/{formId}',
  'post /api/instances',
  'get /api/instances',
  'get /api/instances/{id}',
  'get /api/instances.csv',
  'get /api/monitor/dashboard',
  'get /api/monitor/escalations',
  'get /api/definitions/{key}/grants',
  'put /api/definitions/{key}/grants/{username}',
  'delete /api/definitions/{key}/grants/{username}',
  'post /api/instances/{id}/cancel',
  'post /api/instances/{id}/incidents/{incidentId}/retry',
  'get /api/instances/{id}/timeline',
  'patch /api/instances/{id}/variables',
  'get /api/definitions/{key}/heatmap',
  'get /api/tasks',
  'get /api/tasks/{id}',
  'post /api/tasks/{id}/claim',
  'post /api/tasks/{id}/unclaim',
  'post /api/tasks/{id}/complete',
  'post /api/tasks/{id}/reassign',
  'get /api/tasks/{id}/audit',
  'get /api/instances/{id}/audit',
  'get /api/instances/{id}/signatures',
  'patch /api/tasks/{id}/due',
  'get /api/tasks/events',
  'get /api/filters',
  'post /api/filters',
  'put /api/filters/{id}',
  'delete /api/filters/{id}',
  'get /api/tasks/{id}/comments',
  'post /api/tasks/{id}/comments',
  'post /api/tasks/{id}/attachments',
  'get /api/tasks/{id}/attachments',
  'get /api/attachments/{id}',
  'get /api/reports/overdue',
  'post /api/substitutions',
  'get /api/substitutions',
  'post /api/substitutions/{id}/end',
  'post /api/deployments',
  'get /api/decisions',
  'get /api/decisions/{id}',
  'post /api/messages',
  'post /api/signals',
  'get /api/notifications',
  'post /api/notifications/{id}/read',
  'post /api/notifications/read-all',
  'get /api/outbox',
  'get /api/users/me/preferences',
  'put /api/users/me/preferences',
  'post /api/drafts',
  'get /api/drafts',
  'get /api/drafts/{id}',
  'put /api/drafts/{id}',
  'delete /api/drafts/{id}',
  'get /api/templates',
  'get /api/definitions/{key}/versions',
  'get /api/definitions/{key}/versions/{version}/xml',
  'post /api/definitions/{key}/try',
  'get /api/calendars',
  'get /api/calendars/{name}',
  'post /api/calendars',
  'put /api/calendars/{name}',
  'post /api/calendars/{name}/default',
  'delete /api/calendars/{name}',
  'get /api/openapi.json',
];

describe('the OpenAPI document', () => {
  let api: ApiHarness;
  let document: any;

  beforeAll(async () => {
    api = await startApi();
    document = (await api.request('GET', '/api/openapi.json')).body;
  });
  afterAll(() => api.close());

  it('is OpenAPI 3.1 and lists every route of the API', () => {
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations as object).map((method) => `${method} ${path}`),
    );
    expect(document.openapi).toBe('3.1.0');
    expect(listed.sort()).toEqual([...REQUIRED].sort());
  });

  it('documents the inputs from the zod schemas', () => {
    const tasks = document.paths['/api/tasks'].get;
    const completion = document.paths['/api/tasks/{id}/complete'].post;
    const deploy = document.paths['/api/definitions'].post;
    expect(tasks.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['state', 'assignee', 'candidateGroup', 'processKey', 'instanceId', 'overdue', 'page', 'pageSize', 'sort']),
    );
    expect(completion.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(completion.requestBody.content['application/json'].schema.properties.variables).toBeDefined();
    expect(Object.keys(completion.responses)).toEqual(expect.arrayContaining(['200', '403', '404', '409', '422']));
    expect(Object.keys(deploy.requestBody.content)).toEqual(['application/xml', 'text/xml']);
    expect(document.paths['/api/health'].get.security).toEqual([]);
  });

  it('resolves every schema reference inside the document', () => {
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[reference.split('/').pop()!], reference).toBeDefined();
    }
  });
});

describe('the router', () => {
  it('serves no API route that the OpenAPI document leaves out', async () => {
    // given
    const { createApp, apiRoutes } = await import('../../engine/api/app');
    const { buildOpenApiDocument, openApiPath } = await import('../../engine/api/openapi');
    const { Client, Connection } = await import('@temporalio/client');
    const app = createApp({ db: {} as never, temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }), taskQueue: 'q' });
    // when
    const mounted = collectRoutes((app as unknown as { router: RouterLike }).router, '');
    const documented = buildOpenApiDocument(apiRoutes()).paths as Record<string, Record<string, unknown>>;
    // then
    expect(mounted.length).toBe(REQUIRED.length);
    for (const { method, path } of mounted) {
      expect(documented[openApiPath(path.replace(/^\/api/, ''))]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});

interface RouterLike {
  stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: RouterLike & object; matchers?: unknown; name?: string }[];
}

/** Every route on an Express 5 router; sub-routers (only the API router declares routes) under /api. */
function collectRoutes(router: RouterLike, prefix: string): { method: string; path: string }[] {
  return router.stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods).map((method) => ({ method, path: `${prefix}${layer.route!.path}` }));
    }
    if (layer.name === 'router' && layer.handle?.stack) {
      return collectRoutes(layer.handle, '/api');
    }
    return [];
  });
}
