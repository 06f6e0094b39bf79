import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileOrThrow } from '../../engine/compiler';
import { cancelSignal, retryIncidentUpdate, stateQuery } from '../../workflows/contract';
import type { ProcessModel } from '../../workflows/model';
import { completeTask, createHarness, eventually, openTaskOf, type Harness, type InstanceHandle } from './harness';

const NAMESPACES = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** A process `id` whose flow is `body`, with any root elements (errors, escalations) before it. */
function bpmn(id: string, body: string, rootElements = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="Definitions_${id}" targetNamespace="http://qualflow.dev/test">
  ${rootElements}
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

/** A child that adds `a` and `b` into `sum` and records what it saw in `seen`. */
const ADDING_CHILD = bpmn('adding-child', `
  <bpmn:startEvent id="childStart" />
  <bpmn:scriptTask id="add"><bpmn:extensionElements><zeebe:script expression="=a + b" resultVariable="sum" /></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:scriptTask id="look"><bpmn:extensionElements><zeebe:script expression="={a: a, b: b}" resultVariable="seen" /></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:endEvent id="childEnd" />
  <bpmn:sequenceFlow id="c1" sourceRef="childStart" targetRef="look" />
  <bpmn:sequenceFlow id="c2" sourceRef="look" targetRef="add" />
  <bpmn:sequenceFlow id="c3" sourceRef="add" targetRef="childEnd" />`);

/** A child that waits for a person. */
const WAITING_CHILD = bpmn('waiting-child', `
  <bpmn:startEvent id="childStart" />
  <bpmn:userTask id="check" name="Check"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition assignee="alice" /></bpmn:extensionElements></bpmn:userTask>
  <bpmn:endEvent id="childEnd" />
  <bpmn:sequenceFlow id="c1" sourceRef="childStart" targetRef="check" />
  <bpmn:sequenceFlow id="c2" sourceRef="check" targetRef="childEnd" />`);

/** A child that ends with the BPMN error REJECTED. */
const REJECTING_CHILD = bpmn('rejecting-child', `
  <bpmn:startEvent id="childStart" />
  <bpmn:endEvent id="rejected"><bpmn:errorEventDefinition errorRef="Error_rejected" /></bpmn:endEvent>
  <bpmn:sequenceFlow id="c1" sourceRef="childStart" targetRef="rejected" />`,
'<bpmn:error id="Error_rejected" name="Rejected" errorCode="REJECTED" />');

/** A child that raises the escalation LATE on one branch while a person checks on the other. */
const ESCALATING_CHILD = bpmn('escalating-child', `
  <bpmn:startEvent id="childStart" />
  <bpmn:parallelGateway id="fork" />
  <bpmn:endEvent id="late"><bpmn:escalationEventDefinition escalationRef="Escalation_late" /></bpmn:endEvent>
  <bpmn:userTask id="check" name="Check"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition assignee="alice" /></bpmn:extensionElements></bpmn:userTask>
  <bpmn:endEvent id="childEnd" />
  <bpmn:sequenceFlow id="c1" sourceRef="childStart" targetRef="fork" />
  <bpmn:sequenceFlow id="c2" sourceRef="fork" targetRef="late" />
  <bpmn:sequenceFlow id="c3" sourceRef="fork" targetRef="check" />
  <bpmn:sequenceFlow id="c4" sourceRef="check" targetRef="childEnd" />`,
'<bpmn:escalation id="Escalation_late" name="Late" escalationCode="LATE" />');

/** A child whose result says which version ran. */
function versionChild(which: string): string {
  return bpmn('versioned-child', `
  <bpmn:startEvent id="childStart" />
  <bpmn:scriptTask id="say"><bpmn:extensionElements><zeebe:script expression="=&quot;${which}&quot;" resultVariable="which" /></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:endEvent id="childEnd" />
  <bpmn:sequenceFlow id="c1" sourceRef="childStart" targetRef="say" />
  <bpmn:sequenceFlow id="c2" sourceRef="say" targetRef="childEnd" />`);
}

/** A parent: start → call activity `call` (with `extensions`) → end, plus `extra` elements (boundary events and their paths). */
function parent(id: string, calledElement: string, options: { io?: string; extra?: string; rootElements?: string } = {}): string {
  return bpmn(id, `
  <bpmn:startEvent id="start" />
  <bpmn:callActivity id="call" name="Call"><bpmn:extensionElements>${calledElement}${options.io ?? ''}</bpmn:extensionElements></bpmn:callActivity>
  <bpmn:endEvent id="end" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
  <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
  ${options.extra ?? ''}`, options.rootElements);
}

describe('call activity', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await createHarness();
    await deploy(ADDING_CHILD);
    await deploy(WAITING_CHILD);
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Stores a compiled definition row, as the definition service does. */
  async function deploy(xml: string, row: { version?: number; versionTag?: string; deploymentId?: string; id?: string } = {}): Promise<ProcessModel> {
    const model = await compileOrThrow(xml);
    await harness.db.definition.create({
      data: {
        id: row.id ?? randomUUID(),
        key: model.id,
        version: row.version ?? 1,
        name: model.name || model.id,
        xml,
        model: JSON.stringify(model),
        hash: randomUUID(),
        versionTag: row.versionTag ?? null,
        deploymentId: row.deploymentId ?? null,
      },
    });
    return model;
  }

  function childOf(handle: InstanceHandle) {
    return eventually(() => harness.db.instance.findFirst({ where: { parentInstanceId: handle.workflowId } }), 15_000, 'the child instance row');
  }

  it('runs the child with the parent variables and brings its variables back', async () => {
    // given
    const model = await compileOrThrow(parent('sum-parent', '<zeebe:calledElement processId="adding-child" />'));

    // when
    const handle = await harness.start(model, { a: 1, b: 2 });
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(['start', 'call', 'end']);
    expect(result.variables).toEqual({ a: 1, b: 2, seen: { a: 1, b: 2 }, sum: 3 });
    const child = await childOf(handle);
    expect(child).toMatchObject({ processKey: 'adding-child', status: 'completed', startedBy: 'tester' });
    expect(JSON.parse(child.path)).toEqual(['childStart', 'look', 'add', 'childEnd']);
  });

  it('runs one child per item of a multi-instance call activity and collects their results in order', async () => {
    // given
    const xml = bpmn('sums-parent', `
      <bpmn:startEvent id="start" />
      <bpmn:callActivity id="call" name="Add each pair">
        <bpmn:extensionElements>
          <zeebe:calledElement processId="adding-child" />
          <zeebe:ioMapping><zeebe:input source="=pair.a" target="a" /><zeebe:input source="=pair.b" target="b" /></zeebe:ioMapping>
        </bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=pairs" inputElement="pair" outputCollection="sums" outputElement="=sum" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
      </bpmn:callActivity>
      <bpmn:endEvent id="end" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
      <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />`);
    const handle = await harness.start(await compileOrThrow(xml), { pairs: [{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 10, b: 20 }] });

    // when
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables.sums).toEqual([3, 7, 30]);
    expect(await harness.db.instance.count({ where: { parentInstanceId: handle.workflowId, status: 'completed' } })).toBe(3);
  });

  it('hands the child only the input mappings when the parent variables are not propagated', async () => {
    // given
    const model = await compileOrThrow(parent(
      'mapped-in-parent',
      '<zeebe:calledElement processId="adding-child" propagateAllParentVariables="false" />',
      { io: '<zeebe:ioMapping><zeebe:input source="=a * 10" target="a" /><zeebe:input source="=5" target="b" /></zeebe:ioMapping>' },
    ));

    // when
    const handle = await harness.start(model, { a: 1, b: 2, secret: 'x' });
    const result = await handle.result();

    // then
    const child = await childOf(handle);
    expect(JSON.parse(child.variables)).toEqual({ a: 10, b: 5, seen: { a: 10, b: 5 }, sum: 15 });
    expect(result.variables).toMatchObject({ sum: 15, secret: 'x' });
  });

  it('brings back only the output mappings when the child variables are not propagated', async () => {
    // given
    const model = await compileOrThrow(parent(
      'mapped-out-parent',
      '<zeebe:calledElement processId="adding-child" propagateAllChildVariables="false" />',
      { io: '<zeebe:ioMapping><zeebe:output source="=sum" target="total" /></zeebe:ioMapping>' },
    ));

    // when
    const result = await (await harness.start(model, { a: 1, b: 2 })).result();

    // then
    expect(result.variables).toEqual({ a: 1, b: 2, total: 3 });
  });

  it('brings back nothing when the child variables are not propagated and nothing is mapped', async () => {
    // given
    const model = await compileOrThrow(parent('closed-parent', '<zeebe:calledElement processId="adding-child" propagateAllChildVariables="false" />'));

    // when
    const result = await (await harness.start(model, { a: 1, b: 2 })).result();

    // then
    expect(result.variables).toEqual({ a: 1, b: 2 });
  });

  it('evaluates an expression process id', async () => {
    // given
    const model = await compileOrThrow(parent('expression-parent', '<zeebe:calledElement processId="=kind + &quot;-child&quot;" />'));

    // when
    const result = await (await harness.start(model, { kind: 'adding', a: 2, b: 2 })).result();

    // then
    expect(result.variables).toMatchObject({ sum: 4 });
  });

  it('catches the child uncaught error with an error boundary event on the call activity', async () => {
    // given
    await deploy(REJECTING_CHILD);
    const model = await compileOrThrow(parent('catching-parent', '<zeebe:calledElement processId="rejecting-child" />', {
      rootElements: '<bpmn:error id="Error_rejected" name="Rejected" errorCode="REJECTED" />',
      extra: `<bpmn:boundaryEvent id="onRejected" attachedToRef="call"><bpmn:errorEventDefinition errorRef="Error_rejected" /></bpmn:boundaryEvent>
        <bpmn:endEvent id="rejectedEnd" />
        <bpmn:sequenceFlow id="f3" sourceRef="onRejected" targetRef="rejectedEnd" />`,
    }));

    // when
    const handle = await harness.start(model);
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(['start', 'onRejected', 'rejectedEnd']);
    expect(await childOf(handle)).toMatchObject({ processKey: 'rejecting-child', status: 'terminated' });
  });

  it('raises an error nobody catches, in the child or above it, as an incident in the child where it was thrown (Zeebe)', async () => {
    // given: the parent catches only another error (the child is deployed again as version 2: the test above deployed version 1)
    await deploy(REJECTING_CHILD, { version: 2 });
    const model = await compileOrThrow(parent('uncaught-parent', '<zeebe:calledElement processId="rejecting-child" />', {
      rootElements: '<bpmn:error id="Error_other" name="Other" errorCode="OTHER" />',
      extra: `<bpmn:boundaryEvent id="onOther" attachedToRef="call"><bpmn:errorEventDefinition errorRef="Error_other" /></bpmn:boundaryEvent>
        <bpmn:endEvent id="otherEnd" />
        <bpmn:sequenceFlow id="f3" sourceRef="onOther" targetRef="otherEnd" />`,
    }));

    // when
    const handle = await harness.start(model);
    const child = await childOf(handle);
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: child.id } }), 15_000, 'the incident in the child');

    // then
    expect(incident).toMatchObject({ elementId: 'rejected', state: 'open' });
    expect(incident.message).toContain('threw the error "REJECTED"');
    expect(await harness.db.incident.count({ where: { instanceId: handle.workflowId } })).toBe(0);
    expect((await handle.query(stateQuery)).activeElements).toEqual(['call']);
    await handle.terminate('test over');
  });

  it('hands the child uncaught escalation to a non-interrupting boundary event on the call activity', async () => {
    // given
    await deploy(ESCALATING_CHILD);
    const model = await compileOrThrow(parent('escalation-parent', '<zeebe:calledElement processId="escalating-child" />', {
      rootElements: '<bpmn:escalation id="Escalation_late" name="Late" escalationCode="LATE" />',
      extra: `<bpmn:boundaryEvent id="onLate" attachedToRef="call" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="Escalation_late" /></bpmn:boundaryEvent>
        <bpmn:endEvent id="lateEnd" />
        <bpmn:sequenceFlow id="f3" sourceRef="onLate" targetRef="lateEnd" />`,
    }));
    const handle = await harness.start(model);
    const child = await childOf(handle);
    const check = await openTaskOf(harness.db, child.id, 'check');

    // when
    const escalated = await eventually(async () => {
      const state = await handle.query(stateQuery);
      return state.path.includes('lateEnd') ? state : undefined;
    }, 15_000, 'the escalation path to finish');
    await completeTask(harness.client.workflow.getHandle(child.id) as InstanceHandle, check.id);
    const result = await handle.result();

    // then
    expect(escalated.activeElements).toEqual(['call']);
    expect(result.path).toEqual(['start', 'onLate', 'lateEnd', 'call', 'end']);
  });

  it('cancels the child and closes its task when the parent is canceled', async () => {
    // given
    const model = await compileOrThrow(parent('canceled-parent', '<zeebe:calledElement processId="waiting-child" />'));
    const handle = await harness.start(model);
    const child = await childOf(handle);
    const check = await openTaskOf(harness.db, child.id, 'check');

    // when
    await handle.signal(cancelSignal, { reason: 'withdrawn', canceledBy: 'owner' });
    const result = await handle.result();

    // then
    expect(result.status).toBe('canceled');
    const closed = await eventually(async () => {
      const task = await harness.db.task.findUniqueOrThrow({ where: { id: check.id } });
      return task.state === 'open' ? undefined : task;
    }, 15_000, 'the child task to close');
    expect(closed.state).toBe('canceled');
    expect(await eventually(() => harness.db.instance.findFirst({ where: { id: child.id, status: 'canceled' } }))).toBeTruthy();
  });

  it('cancels the child when an interrupting timer on the call activity fires, then takes the timer path', async () => {
    // given
    const model = await compileOrThrow(parent('timed-parent', '<zeebe:calledElement processId="waiting-child" />', {
      extra: `<bpmn:boundaryEvent id="tooLate" attachedToRef="call"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:endEvent id="lateEnd" />
        <bpmn:sequenceFlow id="f3" sourceRef="tooLate" targetRef="lateEnd" />`,
    }));
    const handle = await harness.start(model);
    const child = await childOf(handle);
    // Any state: on a slow machine the timer may already have fired.
    const check = await eventually(() => harness.db.task.findFirst({ where: { instanceId: child.id, elementId: 'check' } }), 15_000, 'the child task');

    // when
    const result = await handle.result();

    // then
    expect(result.path).toEqual(['start', 'tooLate', 'lateEnd']);
    const task = await harness.db.task.findUniqueOrThrow({ where: { id: check.id } });
    expect(task.state).toBe('canceled');
    expect(await harness.db.instance.findUniqueOrThrow({ where: { id: child.id } })).toMatchObject({ status: 'canceled' });
  });

  it('calls the latest version, or the latest one with the version tag', async () => {
    // given
    await deploy(versionChild('one'), { version: 1, versionTag: 'v1' });
    await deploy(versionChild('one again'), { version: 2, versionTag: 'v1' });
    await deploy(versionChild('two'), { version: 3, versionTag: 'v2' });
    await deploy(versionChild('newest'), { version: 4 });
    const latest = await compileOrThrow(parent('latest-parent', '<zeebe:calledElement processId="versioned-child" />'));
    const tagged = await compileOrThrow(parent('tagged-parent', '<zeebe:calledElement processId="versioned-child" bindingType="versionTag" versionTag="v1" />'));

    // when
    const [latestResult, taggedResult] = await Promise.all([(await harness.start(latest)).result(), (await harness.start(tagged)).result()]);

    // then
    expect(latestResult.variables).toEqual({ which: 'newest' });
    expect(taggedResult.variables).toEqual({ which: 'one again' });
  });

  it('calls the version deployed together with the calling definition', async () => {
    // given
    const model = await compileOrThrow(parent('deployment-parent', '<zeebe:calledElement processId="deployed-child" bindingType="deployment" />'));
    await deploy(parent('deployment-parent', '<zeebe:calledElement processId="deployed-child" bindingType="deployment" />'), { id: 'def-deployment-parent', deploymentId: 'deployment-1' });
    await deploy(versionChild('same deployment').replaceAll('versioned-child', 'deployed-child'), { version: 1, deploymentId: 'deployment-1' });
    await deploy(versionChild('later deployment').replaceAll('versioned-child', 'deployed-child'), { version: 2, deploymentId: 'deployment-2' });

    // when
    const result = await (await harness.start(model)).result();

    // then
    expect(result.variables).toEqual({ which: 'same deployment' });
  });

  it('raises an incident on the call activity when no such process is deployed', async () => {
    // given
    const model = await compileOrThrow(parent('lonely-parent', '<zeebe:calledElement processId="missing-child" bindingType="versionTag" versionTag="v9" />'));

    // when
    const handle = await harness.start(model);
    const state = await eventually(async () => {
      const current = await handle.query(stateQuery);
      return current.incidents.length > 0 ? current : undefined;
    }, 15_000, 'the incident');

    // then
    expect(state.incidents).toMatchObject([{ elementId: 'call', message: 'No process with id "missing-child" is deployed with the version tag "v9"' }]);
    await handle.signal(cancelSignal, { reason: 'test over', canceledBy: 'tester' });
    await handle.result();
  });

  it('runs the child once the missing process is deployed and the incident retried', async () => {
    // given
    const model = await compileOrThrow(parent('patient-parent', '<zeebe:calledElement processId="late-child" />'));
    const handle = await harness.start(model, { a: 4, b: 5 });
    const incident = await eventually(async () => (await handle.query(stateQuery)).incidents[0], 15_000, 'the incident');
    await deploy(ADDING_CHILD.replaceAll('adding-child', 'late-child'));

    // when
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id, retriedBy: 'owner' }] });
    const result = await handle.result();

    // then
    expect(incident.message).toBe('No process with id "late-child" is deployed');
    expect(result).toMatchObject({ status: 'completed', path: ['start', 'call', 'end'], variables: { sum: 9 } });
  });
});
