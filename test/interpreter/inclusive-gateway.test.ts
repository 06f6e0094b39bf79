import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryIncidentUpdate, stateQuery } from '../../workflows/contract';
import { compileFixture, definitions, flow } from './bpmn-fixture';
import { completeTask, createHarness, eventually, openTaskOf, type Harness } from './harness';

/** Checks chosen by variables run in parallel; the join waits for the chosen ones only. */
const FIXTURE = definitions(
  'quality-checks',
  `
    <bpmn:startEvent id="start" />
    <bpmn:inclusiveGateway id="fork" name="Which checks?" default="none" />
    <bpmn:userTask id="visual" name="Visual check" />
    <bpmn:userTask id="dimension" name="Dimension check" />
    <bpmn:userTask id="material" name="Material check" />
    <bpmn:inclusiveGateway id="join" name="Checks done" />
    <bpmn:endEvent id="end" />
    ${flow('toFork', 'start', 'fork')}
    ${flow('toVisual', 'fork', 'visual', '=checks.visual')}
    ${flow('toDimension', 'fork', 'dimension', '=checks.dimension')}
    ${flow('toMaterial', 'fork', 'material', '=checks.material')}
    ${flow('none', 'fork', 'join')}
    ${flow('fromVisual', 'visual', 'join')}
    ${flow('fromDimension', 'dimension', 'join')}
    ${flow('fromMaterial', 'material', 'join')}
    ${flow('toEnd', 'join', 'end')}`,
);

/** A fork without a default flow. */
const WITHOUT_DEFAULT = definitions(
  'pick-without-default',
  `
    <bpmn:startEvent id="start" />
    <bpmn:inclusiveGateway id="fork" name="Which?" />
    <bpmn:endEvent id="left" />
    <bpmn:endEvent id="right" />
    ${flow('toFork', 'start', 'fork')}
    ${flow('toLeft', 'fork', 'left', '=x &gt; 1')}
    ${flow('toRight', 'fork', 'right', '=x &gt; 2')}`,
);

describe('inclusive gateway', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('forks onto every flow whose condition is true and joins after exactly those branches', async () => {
    // given
    const model = await compileFixture(FIXTURE);
    const handle = await harness.start(model, { checks: { visual: true, dimension: true, material: false } });
    const visual = await openTaskOf(harness.db, handle.workflowId, 'visual');
    const dimension = await openTaskOf(harness.db, handle.workflowId, 'dimension');

    // when
    await completeTask(handle, visual.id, { visualOk: true });
    const afterOne = await handle.query(stateQuery);
    await completeTask(handle, dimension.id, { dimensionOk: true });
    const result = await handle.result();

    // then
    expect(afterOne.status).toBe('active');
    expect(afterOne.activeElements).toEqual(expect.arrayContaining(['dimension', 'join']));
    expect(afterOne.path).not.toContain('join');
    expect(result.status).toBe('completed');
    expect(result.path.filter((id) => id === 'join')).toHaveLength(1);
    expect(result.path.slice(-2)).toEqual(['join', 'end']);
    expect(result.path).not.toContain('material');
    expect(result.variables).toMatchObject({ visualOk: true, dimensionOk: true });
    expect(await harness.db.task.count({ where: { instanceId: handle.workflowId, elementId: 'material' } })).toBe(0);
  });

  it('takes the default flow when no condition is true, and the join fires for that one token', async () => {
    // given
    const model = await compileFixture(FIXTURE);

    // when
    const result = await (await harness.start(model, { checks: {} })).result();

    // then
    expect(result.path).toEqual(['start', 'fork', 'join', 'end']);
  });

  it('raises an incident when no condition is true and there is no default flow, and goes on once retried', async () => {
    // given
    const model = await compileFixture(WITHOUT_DEFAULT);
    const handle = await harness.start(model, { x: 0 });
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId, state: 'open' } }), 15_000, 'an incident');

    // when
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id, variables: { x: 5 } }] });
    const result = await handle.result();

    // then
    expect(incident).toMatchObject({ elementId: 'fork' });
    expect(incident.message).toContain('No outgoing flow condition matched at gateway "Which?"');
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(expect.arrayContaining(['fork', 'left', 'right']));
  });
});
