import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlateUpdate, stateQuery } from '../../workflows/contract';
import { compileFixture, definitions, flow } from './bpmn-fixture';
import { createHarness, eventually, type Harness, type InstanceHandle } from './harness';

const ROOTS = `
  <bpmn:message id="reply" name="supplierReply">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:signal id="recall" name="=&quot;recall-&quot; + product" />`;

/** start → catch event → end, with the catch event's definition and extension elements. */
function waitingFor(id: string, definition: string, extensions = ''): string {
  return definitions(
    id,
    `
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait" name="Wait">
      ${extensions}
      ${definition}
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'wait')}
    ${flow('f2', 'wait', 'end')}`,
    ROOTS,
  );
}

describe('intermediate catch event', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  function openSubscription(handle: InstanceHandle) {
    return eventually(() => harness.db.subscription.findFirst({ where: { instanceId: handle.workflowId, elementId: 'wait', state: 'open' } }), 15_000, 'an open subscription');
  }

  it('waits for a timer duration, then goes on', async () => {
    // given
    const model = await compileFixture(waitingFor('wait-duration', '<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=pause</bpmn:timeDuration></bpmn:timerEventDefinition>'));
    const startedAt = Date.now();

    // when
    const handle = await harness.start(model, { pause: 'PT2S' });
    const waiting = await eventually(async () => {
      const state = await handle.query(stateQuery);
      return state.activeElements.includes('wait') && state;
    });
    const result = await handle.result();

    // then
    expect(waiting.path).toEqual(['start']);
    expect(result.path).toEqual(['start', 'wait', 'end']);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1900);
  });

  it('waits until a timer date given as a FEEL date-time', async () => {
    // given
    const model = await compileFixture(waitingFor('wait-date', '<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=date and time(due)</bpmn:timeDate></bpmn:timerEventDefinition>'));
    const due = new Date(Date.now() + 1500);

    // when
    const result = await (await harness.start(model, { due: due.toISOString() })).result();

    // then
    expect(result.path).toEqual(['start', 'wait', 'end']);
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime() - 100);
  });

  it('raises an incident on the catch event for a timer value that is not a duration', async () => {
    // given
    const model = await compileFixture(waitingFor('wait-broken', '<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=pause</bpmn:timeDuration></bpmn:timerEventDefinition>'));

    // when
    const handle = await harness.start(model, { pause: 'soon' });
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId } }), 15_000, 'an incident');
    await handle.cancel();

    // then
    expect(incident).toMatchObject({ elementId: 'wait' });
    expect(incident.message).toContain('The timer of "Wait" must be an ISO 8601 duration');
  });

  it('waits for its message with the evaluated correlation key and merges the message variables through its output mappings', async () => {
    // given
    const model = await compileFixture(
      waitingFor(
        'wait-message',
        '<bpmn:messageEventDefinition messageRef="reply" />',
        '<bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=answer" target="supplierAnswer" /></zeebe:ioMapping></bpmn:extensionElements>',
      ),
    );
    const handle = await harness.start(model, { orderId: 'PO-1' });
    const subscription = await openSubscription(handle);

    // when
    const wrongKey = await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'message', name: 'supplierReply', correlationKey: 'PO-2', variables: { answer: 'no' }, eventId: 'm-1' }] });
    const rightKey = await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'message', name: 'supplierReply', correlationKey: 'PO-1', variables: { answer: 'accepted' }, eventId: 'm-2' }] });
    const result = await handle.result();

    // then
    expect(subscription).toMatchObject({ kind: 'message', name: 'supplierReply', correlationKey: 'PO-1' });
    expect(wrongKey.correlated).toBe(0);
    expect(rightKey.correlated).toBe(1);
    expect(result.path).toEqual(['start', 'wait', 'end']);
    expect(result.variables).toEqual({ orderId: 'PO-1', supplierAnswer: 'accepted' });
  });

  it('waits for its signal, named by a FEEL expression, and merges its variables', async () => {
    // given
    const model = await compileFixture(waitingFor('wait-signal', '<bpmn:signalEventDefinition signalRef="recall" />'));
    const handle = await harness.start(model, { product: 'valve' });
    const subscription = await openSubscription(handle);

    // when
    const reached = await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'signal', name: 'recall-valve', variables: { batch: 'B-9' }, eventId: 's-1' }] });
    const result = await handle.result();

    // then
    expect(subscription).toMatchObject({ kind: 'signal', name: 'recall-valve' });
    expect(reached.correlated).toBe(1);
    expect(result.variables).toEqual({ product: 'valve', batch: 'B-9' });
  });

  it('stops waiting and closes its subscription when the instance is canceled', async () => {
    // given
    const model = await compileFixture(waitingFor('wait-cancel', '<bpmn:messageEventDefinition messageRef="reply" />'));
    const handle = await harness.start(model, { orderId: 'PO-9' });
    const subscription = await openSubscription(handle);

    // when
    await handle.cancel();
    const result = await handle.result();

    // then
    expect(result.status).toBe('canceled');
    await eventually(async () => (await harness.db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).state === 'closed', 15_000, 'the subscription closed');
  });
});
