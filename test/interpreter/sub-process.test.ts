import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flow, processXml, userTask } from '../../engine/compiler/__tests__/bpmn-builder';
import { compileOrThrow } from '../../engine/compiler';
import { stateQuery } from '../../workflows/contract';
import { completeTask, createHarness, eventually, openTaskOf, type Harness } from './harness';

/** A script task: `result = expression`. */
function script(id: string, expression: string, result: string): string {
  return `<bpmn:scriptTask id="${id}" name="${id}"><bpmn:extensionElements><zeebe:script expression="=${expression}" resultVariable="${result}" /></bpmn:extensionElements></bpmn:scriptTask>`;
}

const EMBEDDED = processXml(
  [
    '<bpmn:startEvent id="start" />',
    `<bpmn:subProcess id="prepare" name="Prepare the record">
       <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=draft * 10" target="local" /><zeebe:output source="=local + 1" target="fromOutput" /></zeebe:ioMapping></bpmn:extensionElements>
       <bpmn:startEvent id="innerStart" />
       ${script('compute', 'local + draft', 'computed')}
       ${userTask('check', 'Check the record')}
       <bpmn:endEvent id="innerEnd" />
       ${flow('f1', 'innerStart', 'compute')}
       ${flow('f2', 'compute', 'check')}
       ${flow('f3', 'check', 'innerEnd')}
     </bpmn:subProcess>`,
    '<bpmn:endEvent id="end" />',
    flow('f4', 'start', 'prepare'),
    flow('f5', 'prepare', 'end'),
  ].join('\n'),
  { id: 'embedded' },
);

const TERMINATE_INSIDE = processXml(
  [
    '<bpmn:startEvent id="start" />',
    `<bpmn:subProcess id="work" name="Work">
       <bpmn:startEvent id="innerStart" />
       <bpmn:parallelGateway id="fork" />
       ${userTask('slow', 'Slow step')}
       <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
       <bpmn:endEvent id="innerEnd" />
       ${flow('f1', 'innerStart', 'fork')}
       ${flow('f2', 'fork', 'slow')}
       ${flow('f3', 'fork', 'stop')}
       ${flow('f4', 'slow', 'innerEnd')}
     </bpmn:subProcess>`,
    userTask('after', 'After the sub-process'),
    '<bpmn:endEvent id="end" />',
    flow('f5', 'start', 'work'),
    flow('f6', 'work', 'after'),
    flow('f7', 'after', 'end'),
  ].join('\n'),
  { id: 'terminateInside' },
);

describe('embedded sub-process', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('runs its inner flow in its own scope: input mappings stay local, created variables reach the process, outputs are mapped', async () => {
    // given
    const handle = await harness.start(await compileOrThrow(EMBEDDED), { draft: 2 });
    const check = await openTaskOf(harness.db, handle.workflowId, 'check');

    // when
    const waiting = await handle.query(stateQuery);
    await completeTask(handle, check.id, { checked: true });
    const result = await handle.result();

    // then
    expect(waiting.activeElements).toEqual(expect.arrayContaining(['prepare', 'check']));
    expect(result.status).toBe('completed');
    expect(result.variables).toEqual({ draft: 2, computed: 22, checked: true, fromOutput: 21 });
    expect(result.path).toEqual(['start', 'innerStart', 'compute', 'check', 'innerEnd', 'prepare', 'end']);
  });

  it('a terminate end event inside ends only the sub-process, canceling its open task', async () => {
    // given
    const handle = await harness.start(await compileOrThrow(TERMINATE_INSIDE));

    // when
    const after = await openTaskOf(harness.db, handle.workflowId, 'after');

    // then
    const slow = await harness.db.task.findFirstOrThrow({ where: { instanceId: handle.workflowId, elementId: 'slow' } });
    expect(slow.state).toBe('canceled');
    await completeTask(handle, after.id);
    const result = await handle.result();
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(expect.arrayContaining(['stop', 'work', 'after', 'end']));
    expect(result.path).not.toContain('slow');
  });

  it('an interrupting timer on the sub-process stops everything inside it', async () => {
    // given
    const xml = processXml(
      [
        '<bpmn:startEvent id="start" />',
        `<bpmn:subProcess id="review" name="Review">
           <bpmn:startEvent id="innerStart" />
           ${userTask('read', 'Read')}
           <bpmn:endEvent id="innerEnd" />
           ${flow('f1', 'innerStart', 'read')}
           ${flow('f2', 'read', 'innerEnd')}
         </bpmn:subProcess>`,
        `<bpmn:boundaryEvent id="late" name="Late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
        '<bpmn:endEvent id="end" />',
        '<bpmn:endEvent id="lateEnd" />',
        flow('f3', 'start', 'review'),
        flow('f4', 'review', 'end'),
        flow('f5', 'late', 'lateEnd'),
      ].join('\n'),
      { id: 'lateReview' },
    );
    const handle = await harness.start(await compileOrThrow(xml));

    // when
    const result = await handle.result();

    // then
    expect(result.path).toEqual(['start', 'innerStart', 'late', 'lateEnd']);
    const read = await eventually(() => harness.db.task.findFirst({ where: { instanceId: handle.workflowId, elementId: 'read', state: 'canceled' } }));
    expect(read.closeReason).toContain('Late');
  });
});
