/**
 * Starting and steering instances against the real Temporal dev server, with no worker
 * polling this file's task queue: the workflows are started and signalled for real but
 * never run, so the API's own behaviour (ids, rows, search attributes, scope, fallback
 * to the read model) is what is tested here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_KEY_ATTRIBUTE } from '../../engine/api/temporal-gateway';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal';
import { reviewBpmn } from './fixtures';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertTask } from './support/rows';

describe('instances', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  const started: string[] = [];

  beforeAll(async () => {
    api = await startApi({
      temporalAddress: testTemporalAddress(),
      taskQueue: uniqueTaskQueue('api-instances'),
      timeouts: { startMs: 10_000, updateMs: 10_000, queryMs: 500, signalMs: 10_000 },
    });
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'manager', 'alice', 'bob', 'outsider']) tokens[who] = await api.login(who);
    await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: reviewBpmn, contentType: 'application/xml' });
  });
  afterAll(async () => {
    for (const id of started) await api.temporal.workflow.getHandle(id).terminate('test over').catch(() => undefined);
    await api.close();
  });

  const start = async (who: string, body: Record<string, unknown>) => {
    const response = await api.request('POST', '/api/instances', { token: tokens[who], body });
    if (response.status === 201) started.push(response.body.id);
    return response;
  };

  it('starts the interpreter workflow with the instance id as workflow id and the search attributes', async () => {
    // when
    const response = await start('alice', { processKey: 'api-review', businessKey: 'CAPA-0001', variables: { severity: 3 } });
    // then
    expect(response.status).toBe(201);
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const description = await api.temporal.workflow.getHandle(response.body.id).describe();
    expect(description.type).toBe('processInstance');
    expect(description.typedSearchAttributes.get(PROCESS_KEY_ATTRIBUTE)).toBe('api-review');
    const row = await api.db.instance.findUniqueOrThrow({ where: { id: response.body.id } });
    expect(row).toMatchObject({ processKey: 'api-review', version: 1, businessKey: 'CAPA-0001', status: 'active', startedBy: 'alice' });
    expect(JSON.parse(row.variables)).toEqual({ severity: 3, initiator: 'alice' });
  });

  it('passes the pinned model and the start variables as the workflow input', async () => {
    // given
    const { body } = await start('bob', { processKey: 'api-review', version: 1, variables: { a: 1 } });
    // when
    const history = await api.temporal.workflow.getHandle(body.id).fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const input = JSON.parse(Buffer.from(payload?.data as Uint8Array).toString('utf8'));
    // then
    expect(input).toMatchObject({
      instanceId: body.id,
      processKey: 'api-review',
      version: 1,
      variables: { a: 1 },
      startedBy: 'bob',
      model: { id: 'api-review', startEventId: 'Start' },
    });
  });

  it('lists instances within each user’s scope, filtered and paged', async () => {
    // when
    const visible = async (who: string) =>
      (await api.request('GET', '/api/instances?processKey=api-review', { token: tokens[who] })).body;
    // then
    expect((await visible('alice')).items.map((i: { startedBy: string }) => i.startedBy)).toEqual(['alice']);
    expect((await visible('bob')).items.map((i: { startedBy: string }) => i.startedBy)).toEqual(['bob']);
    expect((await visible('manager')).total).toBe(2);
    expect((await visible('admin')).total).toBe(2);
    expect((await visible('outsider')).total).toBe(0);
    const page = await api.request('GET', '/api/instances?status=active&pageSize=1&page=2&sort=startedAt', { token: tokens.admin });
    expect(page.body).toMatchObject({ total: 2, items: [expect.objectContaining({ startedBy: 'bob' })] });
  });

  it('sets initiator to the signed-in user, whatever the caller sends', async () => {
    // when bob claims to start the process as alice
    const response = await start('bob', { processKey: 'api-review', variables: { initiator: 'alice' } });
    // then the instance records bob as its initiator
    expect(response.status).toBe(201);
    const row = await api.db.instance.findUniqueOrThrow({ where: { id: response.body.id } });
    expect(JSON.parse(row.variables).initiator).toBe('bob');
  });

  it('shows an instance from the read model when the workflow cannot answer, and hides it from outsiders', async () => {
    // given
    const { body } = await start('alice', { processKey: 'api-review' });
    await insertTask(api.db, { instanceId: body.id, candidateGroups: ['quality'] });
    // when
    const byAlice = await api.request('GET', `/api/instances/${body.id}`, { token: tokens.alice });
    const byOutsider = await api.request('GET', `/api/instances/${body.id}`, { token: tokens.outsider });
    // then
    expect(byAlice.status).toBe(200);
    expect(byAlice.body).toMatchObject({
      id: body.id,
      processKey: 'api-review',
      status: 'active',
      activeElements: ['Task_Review'],
      incidents: [],
      source: 'database',
    });
    expect(byOutsider.status).toBe(404);
  });

  it('sends the cancel signal for the starter, refuses others, and answers 409 once ended', async () => {
    // given
    const { body } = await start('alice', { processKey: 'api-review' });
    // when
    const byOutsider = await api.request('POST', `/api/instances/${body.id}/cancel`, { token: tokens.outsider, body: { reason: 'no' } });
    const noReason = await api.request('POST', `/api/instances/${body.id}/cancel`, { token: tokens.alice, body: {} });
    const byAlice = await api.request('POST', `/api/instances/${body.id}/cancel`, { token: tokens.alice, body: { reason: 'raised twice' } });
    // then
    expect(byOutsider.status).toBe(403);
    expect(noReason.status).toBe(400);
    expect(byAlice.status).toBe(202);
    const history = await api.temporal.workflow.getHandle(body.id).fetchHistory();
    const signal = history.events?.find((e) => e.workflowExecutionSignaledEventAttributes)?.workflowExecutionSignaledEventAttributes;
    expect(signal?.signalName).toBe('cancel');
    // when the workflow has ended
    await api.temporal.workflow.getHandle(body.id).terminate('ended for the test');
    const afterEnd = await api.request('POST', `/api/instances/${body.id}/cancel`, { token: tokens.alice, body: { reason: 'again' } });
    await api.db.instance.update({ where: { id: body.id }, data: { status: 'terminated' } });
    const afterRecorded = await api.request('POST', `/api/instances/${body.id}/cancel`, { token: tokens.alice, body: { reason: 'again' } });
    // then
    expect(afterEnd.status).toBe(409);
    expect(afterRecorded.status).toBe(409);
  });

  it('answers 404 for an unknown incident and 409 for a resolved one', async () => {
    // given
    const { body } = await start('alice', { processKey: 'api-review' });
    await api.db.incident.create({
      data: { id: 'inc-1', instanceId: body.id, elementId: 'Task_Review', elementInstanceId: 'e1', message: 'boom', state: 'resolved' },
    });
    // when
    const unknown = await api.request('POST', `/api/instances/${body.id}/incidents/nope/retry`, { token: tokens.admin, body: {} });
    const resolved = await api.request('POST', `/api/instances/${body.id}/incidents/inc-1/retry`, { token: tokens.admin, body: {} });
    const byStaff = await api.request('POST', `/api/instances/${body.id}/incidents/inc-1/retry`, { token: tokens.alice, body: {} });
    // then
    expect(unknown.status).toBe(404);
    expect(resolved.status).toBe(409);
    expect(byStaff.status).toBe(403);
  });

  it('reports Temporal and the database up on /api/health', async () => {
    const response = await api.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', temporal: 'up', database: 'up' });
  });
});
