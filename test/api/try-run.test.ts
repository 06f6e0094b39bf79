/**
 * "Try it" from the designer: the diagram on the canvas is deployed under the caller's
 * sandbox key and started with sample variables on the real interpreter, without adding
 * a version to the real process or showing in the process list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearProcess } from '../browser/versions-fixtures';
import { eventually } from '../interpreter/harness';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

const diagram = linearProcess('tried-review', 'Tried review', [{ id: 'Review', name: 'Review' }]);

describe('try-it runs', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const taskQueue = uniqueTaskQueue('api-try-run');
    api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue, worker: true });
    await seedPeople(api.db);
    for (const who of ['owner', 'alice']) tokens[who] = await api.login(who);
    const deployed = await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: diagram, contentType: 'application/xml' });
    expect(deployed.status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  const tryIt = (who: string, key: string, body: Record<string, unknown>) =>
    api.request('POST', `/api/definitions/${key}/try`, { token: tokens[who], body });

  it('deploys the diagram under the sandbox key and starts it with the sample variables', async () => {
    // given
    const changed = diagram.replace('name="Review"', 'name="Review (tried)"');
    // when
    const tried = await tryIt('owner', 'tried-review', { xml: changed, variables: { severity: 3 } });
    // then
    expect(tried.status).toBe(201);
    expect(tried.body).toMatchObject({ definitionKey: 'sandbox--owner--tried-review', version: 1 });
    const task = await eventually(() => api.db.task.findFirst({ where: { instanceId: tried.body.instanceId, state: 'open' } }), 20_000, 'the tried task');
    expect(task).toMatchObject({ elementId: 'Review', name: 'Review (tried)', processKey: 'sandbox--owner--tried-review' });
    const instance = await api.request('GET', `/api/instances/${tried.body.instanceId}`, { token: tokens.owner });
    expect(instance.status).toBe(200);
    expect(instance.body.variables).toMatchObject({ severity: 3 });
    expect(instance.body.businessKey).toBe('Try run by owner');
  });

  it('adds no version to the real process and keeps the sandbox out of the process list', async () => {
    // given
    await tryIt('owner', 'tried-review', { xml: diagram.replace('name="Review"', 'name="Again"') });
    // when
    const real = await api.request('GET', '/api/definitions/tried-review/versions', { token: tokens.owner });
    const list = await api.request('GET', '/api/definitions', { token: tokens.owner });
    const sandbox = await api.request('GET', '/api/definitions/sandbox--owner--tried-review/versions', { token: tokens.owner });
    const sandboxAsStaff = await api.request('GET', '/api/definitions/sandbox--owner--tried-review/versions', { token: tokens.alice });
    // then
    expect(real.body.items.map((v: any) => v.version)).toEqual([1]);
    expect(list.body.items.map((d: any) => d.key)).toEqual(['tried-review']);
    expect(sandbox.body.total).toBeGreaterThanOrEqual(2);
    expect(sandboxAsStaff.status).toBe(404);
  });

  it("cancels the caller's earlier try run of the process, so its task leaves the tasklists", async () => {
    // given a running try run with an open task
    const first = await tryIt('owner', 'tried-review', { xml: diagram.replace('name="Review"', 'name="First try"') });
    await eventually(() => api.db.task.findFirst({ where: { instanceId: first.body.instanceId, state: 'open' } }), 20_000, 'the first try task');
    // when the owner tries again
    const second = await tryIt('owner', 'tried-review', { xml: diagram.replace('name="Review"', 'name="Second try"') });
    // then the first run is canceled with its task, and the second waits at its task
    expect(second.status).toBe(201);
    await eventually(
      async () => (await api.db.instance.findUnique({ where: { id: first.body.instanceId } }))?.status === 'canceled',
      20_000,
      'the first try run to be canceled',
    );
    expect(await api.db.task.count({ where: { instanceId: first.body.instanceId, state: 'open' } })).toBe(0);
    const open = await eventually(() => api.db.task.findFirst({ where: { instanceId: second.body.instanceId, state: 'open' } }), 20_000, 'the second try task');
    expect(open.name).toBe('Second try');
  });

  it("answers the compiler's diagnostics on the diagram's own ids when it does not compile", async () => {
    // given
    const withoutStart = diagram
      .replace(/<bpmn:startEvent id="Start">.*?<\/bpmn:startEvent>/, '')
      .replace(/<bpmn:sequenceFlow id="Flow_Start_Review"[^>]*\/>/, '')
      .replace('<bpmn:incoming>Flow_Start_Review</bpmn:incoming>', '');
    // when
    const tried = await tryIt('owner', 'tried-review', { xml: withoutStart });
    // then
    expect(tried.status).toBe(422);
    expect(tried.body.errors).toContainEqual({ elementId: 'tried-review', message: expect.stringContaining('(tried-review) has no start event') });
    expect(JSON.stringify(tried.body)).not.toContain('sandbox--');
  });

  it('refuses a diagram whose process is not the key, and staff', async () => {
    // when
    const otherKey = await tryIt('owner', 'another-process', { xml: diagram });
    const asStaff = await tryIt('alice', 'tried-review', { xml: diagram });
    // then
    expect(otherKey.status).toBe(422);
    expect(otherKey.body.error).toContain('"tried-review"');
    expect(asStaff.status).toBe(403);
  });
});
