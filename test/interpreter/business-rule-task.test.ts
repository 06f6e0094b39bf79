import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployDecisions } from '../../engine/api/decision.service';
import { compileOrThrow } from '../../engine/compiler/index';
import { retryIncidentUpdate } from '../../workflows/contract';
import { createHarness, eventually, type Harness } from './harness';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/dmn/${name}`, import.meta.url), 'utf8');

describe('business rule task', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({
      handlers: {
        // An external rules engine: a business rule task with a task definition runs it as a job.
        'acme:rules': async ({ variables, headers }) => ({ ruleResult: `${headers.ruleset}:${Number(variables.amount) > 1000 ? 'high' : 'low'}` }),
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('raises an incident while the decision is not deployed, and completes with the decision result once it is deployed and the incident retried', async () => {
    // given
    const model = await compileOrThrow(fixture('review-routing.bpmn'));

    // when
    const handle = await harness.start(model, { deviation: { amount: 50, severity: 'critical' } });
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId, state: 'open' } }), 15_000, 'an incident');
    const deployed = await deployDecisions(harness.db, fixture('review-level.dmn'), 'owner');
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id, retriedBy: 'admin' }] });
    const result = await handle.result();

    // then
    expect(incident).toMatchObject({ elementId: 'Decide_Level' });
    expect(incident.message).toContain('no decision "reviewLevel" is deployed');
    expect(deployed.ok).toBe(true);
    expect(result.status).toBe('completed');
    expect(result.variables).toEqual({ deviation: { amount: 50, severity: 'critical' }, reviewLevel: 'board' });
    expect(result.path).toEqual(['Start', 'Decide_Level', 'Gateway_Level', 'End_Board']);
  });

  it('evaluates the latest deployed decision with the required decision first and takes the path the result chooses', async () => {
    // given
    const model = await compileOrThrow(fixture('review-routing.bpmn'));
    await deployDecisions(harness.db, fixture('review-level.dmn'), 'owner');

    // when
    const manager = await (await harness.start(model, { deviation: { amount: 5000, severity: 'minor' } })).result();
    const peer = await (await harness.start(model, { deviation: { amount: 10, severity: 'minor' } })).result();

    // then
    expect(manager.variables.reviewLevel).toBe('manager');
    expect(manager.path).toEqual(['Start', 'Decide_Level', 'Gateway_Level', 'End_Peer']);
    expect(peer.variables.reviewLevel).toBe('peer');
  });

  it('runs a business rule task with a task definition as a job, with its headers and mappings', async () => {
    // given
    const xml = fixture('review-routing.bpmn').replace(
      '<zeebe:calledDecision decisionId="reviewLevel" resultVariable="level" />',
      '<zeebe:taskDefinition type="acme:rules" /><zeebe:taskHeaders><zeebe:header key="ruleset" value="capa" /></zeebe:taskHeaders>',
    ).replace('<zeebe:output source="=level" target="reviewLevel" />', '<zeebe:output source="=ruleResult" target="reviewLevel" />');
    const model = await compileOrThrow(xml);

    // when
    const result = await (await harness.start(model, { deviation: { amount: 5000, severity: 'minor' } })).result();

    // then
    expect(result.variables).toEqual({ deviation: { amount: 5000, severity: 'minor' }, reviewLevel: 'capa:high' });
    expect(result.path).toEqual(['Start', 'Decide_Level', 'Gateway_Level', 'End_Peer']);
  });

  it('raises an incident naming the decision and rules when the decision breaks its hit policy', async () => {
    // given
    const dmn = fixture('review-level.dmn').replace('hitPolicy="FIRST"', 'hitPolicy="UNIQUE"').replace('id="reviewLevel" name="Review level"', 'id="strictLevel" name="Strict level"');
    await deployDecisions(harness.db, dmn, 'owner');
    const model = await compileOrThrow(fixture('review-routing.bpmn').replace('decisionId="reviewLevel"', 'decisionId="strictLevel"'));

    // when
    const handle = await harness.start(model, { deviation: { amount: 5000, severity: 'critical' } });
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId, state: 'open' } }), 15_000, 'an incident');
    await handle.cancel();
    await handle.result();

    // then
    expect(incident.elementId).toBe('Decide_Level');
    expect(incident.message).toContain('Decision "Strict level" (strictLevel): rule 1 (ruleCritical), rule 2 (ruleLarge) and rule 3 (ruleOther) all match, but the hit policy UNIQUE allows only one rule to match');
  });
});
