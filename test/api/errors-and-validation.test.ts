import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

describe('errors, validation and headers', () => {
  let api: ApiHarness;
  let admin: string;
  let alice: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    admin = await api.login('admin');
    alice = await api.login('alice');
  });
  afterAll(() => api.close());

  it('answers an unknown API route with 404 JSON', async () => {
    const response = await api.request('GET', '/api/nothing-here', { token: alice });
    expect(response.status).toBe(404);
    expect(response.body.error).toContain('/api/nothing-here');
  });

  it('answers 400 with the failing fields for a bad body, query and path parameter', async () => {
    // when
    const body = await api.request('POST', '/api/users', { token: admin, body: { username: 'x y', roles: ['wizard'] } });
    const query = await api.request('GET', '/api/tasks?state=sleeping&pageSize=5000', { token: alice });
    const instances = await api.request('GET', '/api/instances?status=paused', { token: alice });
    const params = await api.request('GET', `/api/tasks/${'x'.repeat(300)}`, { token: alice });
    // then
    expect(body.status).toBe(400);
    expect(body.body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['username', 'name', 'email', 'password', 'roles.0']),
    );
    expect(query.status).toBe(400);
    expect(query.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['state', 'pageSize']));
    expect(instances.status).toBe(400);
    expect(params.status).toBe(400);
  });

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    const malformed = await api.request('POST', '/api/instances', { token: alice, rawBody: '{"processKey":' });
    const text = await api.request('POST', '/api/instances', { token: alice, rawBody: 'processKey=x', contentType: 'text/plain' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/JSON/);
    expect(text.status).toBe(415);
  });

  it('answers 413 for a JSON body over 1 MB', async () => {
    const response = await api.request('POST', '/api/instances', {
      token: alice,
      body: { processKey: 'capa', variables: { blob: 'x'.repeat(1024 * 1024 + 10) } },
    });
    expect(response.status).toBe(413);
  });

  it('answers 403 when a role is missing', async () => {
    const users = await api.request('GET', '/api/users', { token: alice });
    const deploy = await api.request('POST', '/api/definitions', { token: alice, rawBody: '<x/>', contentType: 'application/xml' });
    expect(users.status).toBe(403);
    expect(deploy.status).toBe(403);
  });

  it('sets security headers and no X-Powered-By', async () => {
    const response = await api.request('GET', '/api/openapi.json');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('reports Temporal down on /api/health with 503, without a login', async () => {
    const response = await api.request('GET', '/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'unavailable', temporal: 'down', database: 'up' });
  });

  it('answers 503 with Retry-After when an instance cannot be started because Temporal is down, and keeps no row', async () => {
    // given
    await api.db.definition.create({
      data: { key: 'capa', version: 1, name: 'CAPA', xml: '<x/>', model: '{"id":"capa"}', hash: 'h' },
    });
    // when
    const response = await api.request('POST', '/api/instances', { token: alice, body: { processKey: 'capa' } });
    // then
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await api.db.instance.count()).toBe(0);
  });

  it('answers 404 when starting an unknown process or version', async () => {
    const unknown = await api.request('POST', '/api/instances', { token: alice, body: { processKey: 'nope' } });
    const version = await api.request('POST', '/api/instances', { token: alice, body: { processKey: 'capa', version: 9 } });
    expect(unknown.status).toBe(404);
    expect(version.status).toBe(404);
  });
});

describe('a bug', () => {
  it('answers 500 with a correlation id that is also logged', async () => {
    // given
    const lines: string[] = [];
    const api = await startApi({ log: (line) => lines.push(line) });
    await seedPeople(api.db);
    const token = await api.login('admin');
    await api.db.$executeRawUnsafe('DROP TABLE "Form"');
    // when
    const response = await api.request('GET', '/api/forms/any', { token });
    await api.close();
    // then
    expect(response.status).toBe(500);
    expect(response.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((line) => line.includes(response.body.correlationId))).toBe(true);
  });
});
