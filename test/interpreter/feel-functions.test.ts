import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../engine/compiler';
import { retryIncidentUpdate } from '../../workflows/contract';
import type { ProcessModel } from '../../workflows/model';
import { createHarness, eventually, type Harness } from './harness';

/**
 * Prepare (script: `get or else`, `uuid`, `add business days`) → "Amount given?" (`is defined`)
 * → Check amount (script: `assert` with a cause) → end; without an amount the default flow
 * goes to "Nothing to check".
 */
const FIXTURE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_feel" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="feel-functions" name="FEEL functions" isExecutable="true">
    <bpmn:startEvent id="start" name="Claim received" />
    <bpmn:scriptTask id="prepare" name="Prepare">
      <bpmn:extensionElements>
        <zeebe:script expression="={level: get or else(priority, &quot;normal&quot;), ref: uuid(), dueOn: add business days(date(&quot;2026-11-27&quot;), 1)}" resultVariable="prepared" />
      </bpmn:extensionElements>
    </bpmn:scriptTask>
    <bpmn:exclusiveGateway id="given" name="Amount given?" default="toNothing" />
    <bpmn:scriptTask id="check" name="Check amount">
      <bpmn:extensionElements>
        <zeebe:script expression="=assert(amount, amount &gt; 0, &quot;the amount must be positive&quot;) * 2" resultVariable="doubled" />
      </bpmn:extensionElements>
    </bpmn:scriptTask>
    <bpmn:endEvent id="checked" name="Checked" />
    <bpmn:endEvent id="nothing" name="Nothing to check" />
    <bpmn:sequenceFlow id="toPrepare" sourceRef="start" targetRef="prepare" />
    <bpmn:sequenceFlow id="toGateway" sourceRef="prepare" targetRef="given" />
    <bpmn:sequenceFlow id="toCheck" sourceRef="given" targetRef="check">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=is defined(amount)</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toNothing" sourceRef="given" targetRef="nothing" />
    <bpmn:sequenceFlow id="toChecked" sourceRef="check" targetRef="checked" />
  </bpmn:process>
</bpmn:definitions>`;

describe('FEEL extension functions in a running process', () => {
  let harness: Harness;
  let model: ProcessModel;
  beforeAll(async () => {
    harness = await createHarness();
    const compiled = await compile(FIXTURE);
    expect(compiled.errors).toEqual([]);
    model = compiled.model!;
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('raises an incident with the cause of a failed assert, and completes when retried with a corrected amount', async () => {
    // given
    const handle = await harness.start(model, { amount: -5, priority: null });

    // when
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId, state: 'open' } }), 15_000, 'an incident');
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id, variables: { amount: 4 } }] });
    const result = await handle.result();

    // then
    expect(incident.elementId).toBe('check');
    expect(incident.message).toContain('the amount must be positive');
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(['start', 'prepare', 'given', 'check', 'checked']);
    expect(result.variables).toMatchObject({ amount: 4, doubled: 8, prepared: { level: 'normal', dueOn: '2026-11-30' } });
    expect((result.variables.prepared as { ref: string }).ref).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('takes the default flow when the amount is not defined, keeping a given priority', async () => {
    // given
    const handle = await harness.start(model, { priority: 'high' });

    // when
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(['start', 'prepare', 'given', 'nothing']);
    expect(result.variables).toMatchObject({ priority: 'high', prepared: { level: 'high' } });
    expect(result.variables).not.toHaveProperty('doubled');
  });
});
