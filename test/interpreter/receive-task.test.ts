import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlateUpdate, stateQuery } from '../../workflows/contract';
import { compileFixture, definitions, flow } from './bpmn-fixture';
import { createHarness, eventually, type Harness } from './harness';

const FIXTURE = definitions(
  'await-8d-report',
  `
    <bpmn:startEvent id="start" />
    <bpmn:receiveTask id="receive" name="Receive 8D report" messageRef="report" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'receive')}
    ${flow('f2', 'receive', 'end')}`,
  `
  <bpmn:message id="report" name="8dReport">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=complaint.id" /></bpmn:extensionElements>
  </bpmn:message>`,
);

describe('receive task', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('waits for its message and merges the message variables', async () => {
    // given
    const model = await compileFixture(FIXTURE);
    const handle = await harness.start(model, { complaint: { id: 'C-42' } });
    const subscription = await eventually(() => harness.db.subscription.findFirst({ where: { instanceId: handle.workflowId, state: 'open' } }), 15_000, 'an open subscription');
    const waiting = await handle.query(stateQuery);

    // when
    const reached = await handle.executeUpdate(correlateUpdate, {
      args: [{ kind: 'message', name: '8dReport', correlationKey: 'C-42', variables: { rootCause: 'worn tool', complaint: { id: 'C-42', closed: true } }, eventId: 'r-1' }],
    });
    const result = await handle.result();

    // then
    expect(subscription).toMatchObject({ elementId: 'receive', name: '8dReport', correlationKey: 'C-42' });
    expect(waiting.activeElements).toEqual(['receive']);
    expect(reached.correlated).toBe(1);
    expect(result.path).toEqual(['start', 'receive', 'end']);
    expect(result.variables).toEqual({ complaint: { id: 'C-42', closed: true }, rootCause: 'worn tool' });
  });

  it('does not take a message with another name or key, nor the same message twice', async () => {
    // given
    const model = await compileFixture(FIXTURE);
    const handle = await harness.start(model, { complaint: { id: 'C-7' } });
    await eventually(() => harness.db.subscription.findFirst({ where: { instanceId: handle.workflowId, state: 'open' } }), 15_000, 'an open subscription');

    // when
    const otherName = await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'message', name: 'invoice', correlationKey: 'C-7', variables: {}, eventId: 'x-1' }] });
    const otherKey = await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'message', name: '8dReport', correlationKey: 'C-8', variables: {}, eventId: 'x-2' }] });
    const state = await handle.query(stateQuery);
    await handle.executeUpdate(correlateUpdate, { args: [{ kind: 'message', name: '8dReport', correlationKey: 'C-7', variables: { n: 1 }, eventId: 'x-3' }] });
    const result = await handle.result();

    // then
    expect(otherName.correlated).toBe(0);
    expect(otherKey.correlated).toBe(0);
    expect(state.activeElements).toEqual(['receive']);
    expect(result.variables).toEqual({ complaint: { id: 'C-7' }, n: 1 });
  });
});
