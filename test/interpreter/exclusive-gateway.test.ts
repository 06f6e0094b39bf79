import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryIncidentUpdate, stateQuery } from '../../workflows/contract';
import { ModelBuilder } from './builders';
import { createHarness, eventually, type Harness } from './harness';

function decisionModel(withDefault: boolean) {
  const builder = new ModelBuilder(withDefault ? 'route-with-default' : 'route-without-default')
    .start('start')
    .exclusiveGateway('amount', { name: 'Amount?' })
    .end('high')
    .end('low')
    .chain('start', 'amount')
    .flow('amount', 'high', { condition: 'amount > 100' })
    .flow('amount', 'low', { condition: 'amount <= 10' });
  if (withDefault) builder.end('medium').flow('amount', 'medium', { isDefault: true });
  return builder.build();
}

describe('exclusive gateway', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('takes the first flow whose condition is true, else the default flow', async () => {
    // given
    const model = decisionModel(true);

    // when
    const high = await (await harness.start(model, { amount: 500 })).result();
    const low = await (await harness.start(model, { amount: 5 })).result();
    const medium = await (await harness.start(model, { amount: 50 })).result();

    // then
    expect(high.path).toEqual(['start', 'amount', 'high']);
    expect(low.path).toEqual(['start', 'amount', 'low']);
    expect(medium.path).toEqual(['start', 'amount', 'medium']);
  });

  it('raises an incident when no condition matches, and completes once retried with corrected variables', async () => {
    // given
    const handle = await harness.start(decisionModel(false), { amount: 50 });
    const incident = await eventually(
      () => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId, state: 'open' } }),
      15_000,
      'an incident',
    );
    const state = await handle.query(stateQuery);
    const instance = await harness.db.instance.findUniqueOrThrow({ where: { id: handle.workflowId } });

    // when
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id, variables: { amount: 500 }, retriedBy: 'admin' }] });
    const result = await handle.result();

    // then
    expect(incident.elementId).toBe('amount');
    expect(incident.message).toContain('No outgoing flow condition matched at gateway "Amount?"');
    expect(state).toMatchObject({ status: 'incident', activeElements: ['amount'] });
    expect(state.incidents).toEqual([expect.objectContaining({ id: incident.id, elementId: 'amount' })]);
    expect(instance.status).toBe('incident');
    expect(result).toMatchObject({ status: 'completed', path: ['start', 'amount', 'high'], incidents: [] });
    expect(await harness.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ state: 'resolved', resolvedBy: 'admin' });
    const actions = (await harness.db.auditEntry.findMany({ where: { instanceId: handle.workflowId } })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['incident.raised', 'incident.resolved']));
  });

  it('raises an incident for a condition that is not valid FEEL', async () => {
    // given
    const model = new ModelBuilder('broken-condition')
      .start('start')
      .exclusiveGateway('check')
      .end('yes')
      .end('no')
      .chain('start', 'check')
      .flow('check', 'yes', { condition: 'amount >' })
      .flow('check', 'no', { isDefault: true })
      .build();

    // when
    const handle = await harness.start(model, { amount: 1 });
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId } }), 15_000, 'an incident');
    await handle.cancel();
    const result = await handle.result();

    // then
    expect(incident.message).toContain('is not valid FEEL');
    expect(result.status).toBe('canceled');
  });

  it('raises an incident instead of spinning forever in a loop of automatic steps, counting across continue-as-new', async () => {
    // given
    const model = new ModelBuilder('endless')
      .start('start')
      .exclusiveGateway('again', { name: 'Again?' })
      .scriptTask('count', { expression: 'count + 1', resultVariable: 'count' })
      .end('end')
      .chain('start', 'again')
      .flow('again', 'count', { condition: 'count >= 0' })
      .flow('again', 'end', { isDefault: true })
      .chain('count', 'again')
      .build();

    // when
    const handle = await harness.start(model, { count: 0 }, { maxStepsWithoutWait: 1500 });
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId } }), 15_000, 'an incident');
    const state = await handle.query(stateQuery);
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id, variables: { count: -100 } }] });
    const result = await handle.result();

    // then
    expect(incident.message).toMatch(/passed 1500 elements without waiting for anything/);
    expect(state.variables.count).toBeGreaterThan(700);
    expect(result.path.slice(-2)).toEqual(['again', 'end']);
  });
});
