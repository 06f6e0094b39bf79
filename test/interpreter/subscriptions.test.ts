/**
 * `subscribe()` and the `correlate` update on the real stack, through message and signal
 * boundary events on a user task (the generic boundary events subscribe on the task's
 * behalf). The models are built by hand while the compiler learns these events.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishMessage } from '../../engine/api/message.service';
import { correlateUpdate, stateQuery, type CorrelationRequest } from '../../workflows/contract';
import type { EventTrigger, ProcessModel } from '../../workflows/model';
import { ModelBuilder } from './builders';
import { createHarness, eventually, openTaskOf, type Harness, type InstanceHandle } from './harness';

const reply: EventTrigger = { type: 'message', messageName: 'supplier-reply', correlationKey: '=orderId' };

/** review (user task) with an event boundary `caught` on it, leading to `handled`. */
function waitingReview(processId: string, trigger: EventTrigger, cancelActivity = true): ProcessModel {
  const model = new ModelBuilder(processId)
    .start('start')
    .userTask('review')
    .timerBoundary('caught', 'review', { duration: 'PT1H', cancelActivity })
    .userTask('handled')
    .end('done')
    .end('handledEnd')
    .chain('start', 'review', 'done')
    .chain('caught', 'handled', 'handledEnd')
    .build();
  return withTrigger(model, 'caught', trigger);
}

function withTrigger(model: ProcessModel, boundaryId: string, trigger: EventTrigger): ProcessModel {
  const boundary = model.elements[boundaryId];
  if (boundary.kind !== 'boundaryEvent') throw new Error(`${boundaryId} is not a boundary event`);
  delete boundary.timer;
  boundary.trigger = trigger;
  return model;
}

function message(correlationKey: string, variables = {}, eventId = randomUUID()): CorrelationRequest {
  return { kind: 'message', name: 'supplier-reply', correlationKey, variables, eventId };
}

describe('subscriptions of a waiting instance', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const openSubscriptions = (instanceId: string) => harness.db.subscription.findMany({ where: { instanceId, state: 'open' }, orderBy: { createdAt: 'asc' } });
  const waitForSubscriptions = (instanceId: string, count: number) =>
    eventually(async () => ((await openSubscriptions(instanceId)).length === count ? openSubscriptions(instanceId) : undefined), 15_000, `${count} open subscriptions`);

  it('records the subscription with its evaluated correlation key and correlates a matching message', async () => {
    // given
    const handle = await harness.start(waitingReview('sub-match', reply), { orderId: 'PO-7' });
    const [subscription] = await waitForSubscriptions(handle.workflowId, 1);

    // when
    const result = await handle.executeUpdate(correlateUpdate, { args: [message('PO-7', { answer: 'accepted' })] });

    // then
    expect(subscription).toMatchObject({ kind: 'message', name: 'supplier-reply', correlationKey: 'PO-7', elementId: 'caught', processKey: 'sub-match' });
    expect(result).toEqual({ correlated: 1 });
    await openTaskOf(harness.db, handle.workflowId, 'handled');
    const state = await handle.query(stateQuery);
    expect(state.path).toEqual(['start', 'caught']);
    expect(state.variables).toMatchObject({ answer: 'accepted' });
    expect(await openSubscriptions(handle.workflowId)).toEqual([]);
  });

  it('does not correlate a message with another correlation key', async () => {
    // given
    const handle = await harness.start(waitingReview('sub-other-key', reply), { orderId: 'PO-8' });
    await waitForSubscriptions(handle.workflowId, 1);

    // when
    const result = await handle.executeUpdate(correlateUpdate, { args: [message('PO-999')] });

    // then
    expect(result).toEqual({ correlated: 0 });
    expect((await handle.query(stateQuery)).activeElements).toEqual(['review']);
    expect(await openSubscriptions(handle.workflowId)).toHaveLength(1);
  });

  it('delivers the same event id only once, and subscribes again after a non-interrupting event', async () => {
    // given
    const handle = await harness.start(waitingReview('sub-once', reply, false), { orderId: 'PO-9' });
    const [first] = await waitForSubscriptions(handle.workflowId, 1);
    const once = message('PO-9');

    // when
    const delivered = await handle.executeUpdate(correlateUpdate, { args: [once] });
    const [second] = await waitForSubscriptions(handle.workflowId, 1).then(async (rows) =>
      rows[0].id === first.id ? eventually(async () => ((await openSubscriptions(handle.workflowId))[0]?.id !== first.id ? openSubscriptions(handle.workflowId) : undefined)) : rows,
    );
    const again = await handle.executeUpdate(correlateUpdate, { args: [once] });
    const another = await handle.executeUpdate(correlateUpdate, { args: [message('PO-9')] });

    // then
    expect(delivered).toEqual({ correlated: 1 });
    expect(again).toEqual({ correlated: 0 });
    expect(another).toEqual({ correlated: 1 });
    expect(second.id).toBe(`${first.id}:2`);
    await eventually(async () => (await harness.db.task.count({ where: { instanceId: handle.workflowId, elementId: 'handled' } })) === 2, 15_000, 'two handled tasks');
    expect((await handle.query(stateQuery)).activeElements).toEqual(expect.arrayContaining(['review', 'handled']));
  });

  it('hands a message to only the oldest of two matching subscriptions, and a signal to every one', async () => {
    // given
    const model = new ModelBuilder('sub-two')
      .start('start')
      .parallelGateway('fork')
      .userTask('first')
      .userTask('second')
      .timerBoundary('onFirst', 'first', { duration: 'PT1H', cancelActivity: false })
      .timerBoundary('onSecond', 'second', { duration: 'PT1H', cancelActivity: false })
      .timerBoundary('stopFirst', 'first', { duration: 'PT1H' })
      .timerBoundary('stopSecond', 'second', { duration: 'PT1H' })
      .end('firstEnd')
      .end('secondEnd')
      .end('fromFirst')
      .end('fromSecond')
      .end('stoppedFirst')
      .end('stoppedSecond')
      .chain('start', 'fork', 'first', 'firstEnd')
      .chain('fork', 'second', 'secondEnd')
      .chain('onFirst', 'fromFirst')
      .chain('onSecond', 'fromSecond')
      .chain('stopFirst', 'stoppedFirst')
      .chain('stopSecond', 'stoppedSecond')
      .build();
    withTrigger(model, 'onFirst', reply);
    withTrigger(model, 'onSecond', reply);
    withTrigger(model, 'stopFirst', { type: 'signal', signalName: 'recall' });
    withTrigger(model, 'stopSecond', { type: 'signal', signalName: 'recall' });
    const handle = await harness.start(model, { orderId: 'PO-10' });
    const subscriptions = await waitForSubscriptions(handle.workflowId, 4);
    const oldestMessage = subscriptions.find((row) => row.kind === 'message');

    // when
    const messaged = await handle.executeUpdate(correlateUpdate, { args: [message('PO-10')] });
    const signaled = await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'signal', name: 'recall', variables: {}, eventId: randomUUID() }] });

    // then
    expect(messaged).toEqual({ correlated: 1 });
    expect(signaled).toEqual({ correlated: 2 });
    const result = await handle.result();
    const fired = oldestMessage?.elementId === 'onFirst' ? 'fromFirst' : 'fromSecond';
    expect(result.path).toContain(fired);
    expect(result.path).not.toContain(fired === 'fromFirst' ? 'fromSecond' : 'fromFirst');
    expect(result.path).toEqual(expect.arrayContaining(['stoppedFirst', 'stoppedSecond']));
  });

  it('lets a process publish a message with qualflow:publish-message, to another instance and to itself', async () => {
    // given
    const waitingOne = await harness.start(waitingReview('sub-receiver', reply), { orderId: 'PO-12' });
    await waitForSubscriptions(waitingOne.workflowId, 1);
    const sender = new ModelBuilder('sub-sender')
      .start('start')
      .serviceTask('send', { taskType: 'qualflow:publish-message', headers: { messageName: 'supplier-reply', correlationKey: '=orderId', variables: 'answer' } })
      .end('sent')
      .chain('start', 'send', 'sent')
      .build();
    const self = new ModelBuilder('sub-self')
      .start('start')
      .parallelGateway('fork')
      .userTask('review')
      .timerBoundary('caught', 'review', { duration: 'PT1H' })
      .serviceTask('send', { taskType: 'qualflow:publish-message', headers: { messageName: 'supplier-reply', correlationKey: '=orderId', timeToLive: 'PT1M' } })
      .end('done')
      .end('sent')
      .end('caughtEnd')
      .chain('start', 'fork', 'review', 'done')
      .chain('fork', 'send', 'sent')
      .chain('caught', 'caughtEnd')
      .build();
    withTrigger(self, 'caught', reply);

    // when
    const sending = await harness.start(sender, { orderId: 'PO-12', answer: 'shipped' });
    const selfSending = await harness.start(self, { orderId: 'PO-13' });

    // then
    expect((await sending.result()).path).toEqual(['start', 'send', 'sent']);
    await openTaskOf(harness.db, waitingOne.workflowId, 'handled');
    expect((await waitingOne.query(stateQuery)).variables).toMatchObject({ answer: 'shipped' });
    const selfResult = await selfSending.result();
    expect(selfResult.status).toBe('completed');
    expect(selfResult.path).toEqual(expect.arrayContaining(['send', 'sent', 'caught', 'caughtEnd']));
  });

  it('takes a message kept for its time to live when the subscription opens after it was published', async () => {
    // given
    const published = await publishMessage(
      { db: harness.db, temporal: harness.client, taskQueue: harness.taskQueue },
      { name: 'supplier-reply', correlationKey: 'PO-11', variables: { answer: 'early' }, timeToLiveMs: 60_000, eventId: randomUUID(), publishedBy: 'tester' },
    );

    // when
    const handle: InstanceHandle = await harness.start(waitingReview('sub-buffered', reply), { orderId: 'PO-11' });

    // then
    expect(published).toEqual({ correlated: 0, started: 0 });
    await openTaskOf(harness.db, handle.workflowId, 'handled');
    expect((await handle.query(stateQuery)).variables).toMatchObject({ answer: 'early' });
    expect(await harness.db.messageCorrelation.findMany({ where: { processKey: 'sub-buffered' } })).toEqual([expect.objectContaining({ instanceId: handle.workflowId })]);
    const later = await harness.start(waitingReview('sub-buffered', reply), { orderId: 'PO-11' });
    await waitForSubscriptions(later.workflowId, 1);
    expect((await later.query(stateQuery)).activeElements).toEqual(['review']);
  });
});
