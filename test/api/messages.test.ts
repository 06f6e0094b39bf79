/**
 * `POST /api/messages` and `POST /api/signals` against the real interpreter: the Temporal
 * dev server of the test run, a worker on this file's own task queue, the real database.
 * Instances wait through message / signal boundary events on a user task (hand-built
 * models while the compiler learns these events).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_WORKFLOW, stateQuery, type Variables } from '../../workflows/contract';
import type { EventTrigger, ProcessModel } from '../../workflows/model';
import { ModelBuilder } from '../interpreter/builders';
import { eventually } from '../interpreter/harness';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

/** A user task `review` waiting for `trigger` (interrupting boundary `caught` → `handled`). */
function waiting(processId: string, trigger: EventTrigger): ProcessModel {
  const model = new ModelBuilder(processId)
    .start('start')
    .userTask('review')
    .timerBoundary('caught', 'review', { duration: 'PT1H' })
    .userTask('handled')
    .end('done')
    .end('handledEnd')
    .chain('start', 'review', 'done')
    .chain('caught', 'handled', 'handledEnd')
    .build();
  const boundary = model.elements.caught;
  if (boundary.kind === 'boundaryEvent') {
    delete boundary.timer;
    boundary.trigger = trigger;
  }
  return model;
}

const reply: EventTrigger = { type: 'message', messageName: 'supplier-reply', correlationKey: '=orderId' };
const recall: EventTrigger = { type: 'signal', signalName: 'product-recall' };

describe('publishing messages and signals', () => {
  let api: ApiHarness;
  let taskQueue: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    taskQueue = uniqueTaskQueue('api-messages');
    api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue, worker: true });
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'alice']) tokens[who] = await api.login(who);
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Starts an instance and waits until it subscribed. */
  async function startWaiting(model: ProcessModel, variables: Variables = {}) {
    const instanceId = randomUUID();
    const handle = await api.temporal.workflow.start(PROCESS_WORKFLOW, {
      taskQueue,
      workflowId: instanceId,
      args: [{ instanceId, definitionId: `def-${model.id}`, processKey: model.id, version: 1, model, variables, startedBy: 'owner' }],
    });
    // A kept message may be handed over (and the subscription closed) the moment it opens.
    await eventually(async () => (await api.db.subscription.count({ where: { instanceId } })) > 0, 15_000, 'the subscription');
    return handle;
  }

  const publish = (body: unknown, token = tokens.owner) => api.request('POST', '/api/messages', { token, body });
  const activeOf = async (handle: { query: (q: typeof stateQuery) => Promise<{ activeElements: string[] }> }) => (await handle.query(stateQuery)).activeElements;

  it('reaches one waiting instance per process and every process that waits', async () => {
    // given
    const first = await startWaiting(waiting('msg-orders', reply), { orderId: 'PO-1' });
    const second = await startWaiting(waiting('msg-orders', reply), { orderId: 'PO-1' });
    const other = await startWaiting(waiting('msg-invoices', reply), { orderId: 'PO-1' });
    const unrelated = await startWaiting(waiting('msg-orders', reply), { orderId: 'PO-2' });

    // when
    const response = await publish({ name: 'supplier-reply', correlationKey: 'PO-1', variables: { answer: 'yes' } });

    // then
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ correlated: 2, started: 0, messageId: expect.any(String) });
    expect(await activeOf(first)).toEqual(['handled']);
    expect(await activeOf(second)).toEqual(['review']);
    expect(await activeOf(other)).toEqual(['handled']);
    expect(await activeOf(unrelated)).toEqual(['review']);
    expect((await first.query(stateQuery)).variables).toMatchObject({ answer: 'yes' });
  });

  it('discards a message without time to live that nothing waits for', async () => {
    // when
    const response = await publish({ name: 'nobody-waits', correlationKey: 'X-1' });

    // then
    expect(response.body).toMatchObject({ correlated: 0, started: 0 });
    expect(await api.db.message.count({ where: { name: 'nobody-waits' } })).toBe(0);
  });

  it('keeps a message for its time to live and hands it to the first instance of a process that subscribes later', async () => {
    // given
    const response = await publish({ name: 'supplier-reply', correlationKey: 'PO-3', variables: { answer: 'early' }, timeToLive: 'PT1M' });

    // when
    const late = await startWaiting(waiting('msg-late', reply), { orderId: 'PO-3' });
    const later = await startWaiting(waiting('msg-late', reply), { orderId: 'PO-3' });

    // then
    expect(response.body).toMatchObject({ correlated: 0, started: 0 });
    await eventually(async () => (await activeOf(late)).includes('handled'), 15_000, 'the kept message to arrive');
    expect((await late.query(stateQuery)).variables).toMatchObject({ answer: 'early' });
    expect(await activeOf(later)).toEqual(['review']);
  });

  it('no longer hands over a kept message once its time to live has passed', async () => {
    // given
    await publish({ name: 'supplier-reply', correlationKey: 'PO-4', timeToLive: 'PT1S' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // when
    const tooLate = await startWaiting(waiting('msg-expired', reply), { orderId: 'PO-4' });

    // then
    expect(await activeOf(tooLate)).toEqual(['review']);
  });

  it('refuses a message id while a message with that id is kept', async () => {
    // given
    const first = await publish({ name: 'supplier-reply', correlationKey: 'PO-5', timeToLive: 'PT1M', messageId: 'delivery-note-5' });

    // when
    const again = await publish({ name: 'supplier-reply', correlationKey: 'PO-5', timeToLive: 'PT1M', messageId: 'delivery-note-5' });

    // then
    expect(first.body).toMatchObject({ messageId: 'delivery-note-5' });
    expect(again.status).toBe(409);
  });

  it('rejects a message without name or with a time to live that is not an ISO 8601 duration', async () => {
    // when
    const unnamed = await publish({ correlationKey: 'PO-6' });
    const badTtl = await publish({ name: 'supplier-reply', correlationKey: 'PO-6', timeToLive: 'an hour' });

    // then
    expect(unnamed.status).toBe(400);
    expect(badTtl.status).toBe(400);
    expect(JSON.stringify(badTtl.body)).toContain('timeToLive');
  });

  it('lets only admins and process owners publish', async () => {
    // when
    const anonymous = await api.request('POST', '/api/messages', { body: { name: 'supplier-reply', correlationKey: 'PO-7' } });
    const staff = await publish({ name: 'supplier-reply', correlationKey: 'PO-7' }, tokens.alice);
    const staffSignal = await api.request('POST', '/api/signals', { token: tokens.alice, body: { name: 'product-recall' } });
    const admin = await publish({ name: 'supplier-reply', correlationKey: 'PO-7' }, tokens.admin);

    // then
    expect(anonymous.status).toBe(401);
    expect(staff.status).toBe(403);
    expect(staffSignal.status).toBe(403);
    expect(admin.status).toBe(200);
  });

  it('broadcasts a signal to every waiting instance', async () => {
    // given
    const one = await startWaiting(waiting('sig-a', recall));
    const two = await startWaiting(waiting('sig-b', recall));
    const three = await startWaiting(waiting('sig-b', recall));

    // when
    const response = await api.request('POST', '/api/signals', { token: tokens.owner, body: { name: 'product-recall', variables: { lot: 'L-9' } } });

    // then
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ correlated: 3, started: 0 });
    for (const handle of [one, two, three]) expect(await activeOf(handle)).toEqual(['handled']);
    expect((await three.query(stateQuery)).variables).toMatchObject({ lot: 'L-9' });
  });
});
