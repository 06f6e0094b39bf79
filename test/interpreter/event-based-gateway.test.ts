import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlateUpdate, stateQuery } from '../../workflows/contract';
import { compileFixture, definitions, flow } from './bpmn-fixture';
import { createHarness, eventually, type Harness } from './harness';

/** After the gateway: the supplier's reply (message), a recall (signal) or a reminder after a timeout. */
const FIXTURE = definitions(
  'await-supplier',
  `
    <bpmn:startEvent id="start" />
    <bpmn:eventBasedGateway id="gateway" name="What comes first?" />
    <bpmn:intermediateCatchEvent id="reply" name="Reply received">
      <bpmn:messageEventDefinition messageRef="replyMessage" />
    </bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="recalled" name="Recalled">
      <bpmn:signalEventDefinition signalRef="recall" />
    </bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="timeout" name="Timed out">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=patience</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="answered" />
    <bpmn:endEvent id="stopped" />
    <bpmn:endEvent id="reminded" />
    ${flow('f0', 'start', 'gateway')}
    ${flow('f1', 'gateway', 'reply')}
    ${flow('f2', 'gateway', 'recalled')}
    ${flow('f3', 'gateway', 'timeout')}
    ${flow('f4', 'reply', 'answered')}
    ${flow('f5', 'recalled', 'stopped')}
    ${flow('f6', 'timeout', 'reminded')}`,
  `
  <bpmn:message id="replyMessage" name="supplierReply">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:signal id="recall" name="recall" />`,
);

describe('event-based gateway', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function openSubscriptions(instanceId: string) {
    return eventually(async () => {
      const rows = await harness.db.subscription.findMany({ where: { instanceId, state: 'open' } });
      return rows.length === 2 && rows;
    }, 15_000, 'two open subscriptions');
  }

  it('goes on at the message that arrives first, with its variables, and closes the other subscriptions', async () => {
    // given
    const model = await compileFixture(FIXTURE);
    const handle = await harness.start(model, { orderId: 'PO-3', patience: 'PT1H' });
    const subscriptions = await openSubscriptions(handle.workflowId);
    const waiting = await handle.query(stateQuery);

    // when
    const reached = await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'message', name: 'supplierReply', correlationKey: 'PO-3', variables: { answer: 'ok' }, eventId: 'e-1' }] });
    const result = await handle.result();

    // then
    expect(subscriptions.map((row) => row.elementId).sort()).toEqual(['recalled', 'reply']);
    expect(waiting.activeElements).toEqual(['gateway']);
    expect(reached.correlated).toBe(1);
    expect(result.path).toEqual(['start', 'gateway', 'reply', 'answered']);
    expect(result.variables).toEqual({ orderId: 'PO-3', patience: 'PT1H', answer: 'ok' });
    expect(await harness.db.subscription.count({ where: { instanceId: handle.workflowId, state: 'open' } })).toBe(0);
  });

  it('goes on at the signal when it comes first', async () => {
    // given
    const model = await compileFixture(FIXTURE);
    const handle = await harness.start(model, { orderId: 'PO-4', patience: 'PT1H' });
    await openSubscriptions(handle.workflowId);

    // when
    await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'signal', name: 'recall', variables: { reason: 'defect' }, eventId: 'e-2' }] });
    const late = await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'message', name: 'supplierReply', correlationKey: 'PO-4', variables: { answer: 'late' }, eventId: 'e-3' }] }).catch(() => ({ correlated: 0 }));
    const result = await handle.result();

    // then
    expect(result.path).toEqual(['start', 'gateway', 'recalled', 'stopped']);
    expect(result.variables).toEqual({ orderId: 'PO-4', patience: 'PT1H', reason: 'defect' });
    expect(late.correlated).toBe(0);
  });

  it('goes on at the timer when nothing arrives in time, and closes the subscriptions', async () => {
    // given
    const model = await compileFixture(FIXTURE);

    // when
    const handle = await harness.start(model, { orderId: 'PO-5', patience: 'PT1S' });
    const result = await handle.result();

    // then
    expect(result.path).toEqual(['start', 'gateway', 'timeout', 'reminded']);
    expect(await harness.db.subscription.count({ where: { instanceId: handle.workflowId, state: 'open' } })).toBe(0);
  });
});
