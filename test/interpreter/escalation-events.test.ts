import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flow, processXml, userTask } from '../../engine/compiler/__tests__/bpmn-builder';
import { compileOrThrow } from '../../engine/compiler';
import { completeTask, createHarness, openTaskOf, type Harness } from './harness';

const ESCALATION = '<bpmn:escalation id="late" name="Late" escalationCode="LATE" />';

/** A process whose sub-process throws escalation LATE (intermediate throw, then a user task), caught on the sub-process. */
function escalatingProcess(id: string, interrupting: boolean): string {
  const xml = processXml(
    [
      '<bpmn:startEvent id="start" />',
      `<bpmn:subProcess id="work" name="Work">
         <bpmn:startEvent id="innerStart" />
         <bpmn:intermediateThrowEvent id="raise" name="Raise"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:intermediateThrowEvent>
         ${userTask('finish', 'Finish the work')}
         <bpmn:endEvent id="innerEnd" />
         ${flow('f1', 'innerStart', 'raise')}
         ${flow('f2', 'raise', 'finish')}
         ${flow('f3', 'finish', 'innerEnd')}
       </bpmn:subProcess>`,
      `<bpmn:boundaryEvent id="escalated" name="Escalated" attachedToRef="work" cancelActivity="${interrupting}"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:boundaryEvent>`,
      userTask('inform', 'Inform the manager'),
      '<bpmn:endEvent id="end" />',
      '<bpmn:endEvent id="informed" />',
      flow('f4', 'start', 'work'),
      flow('f5', 'work', 'end'),
      flow('f6', 'escalated', 'inform'),
      flow('f7', 'inform', 'informed'),
    ].join('\n'),
    { id },
  );
  return xml.replace('</bpmn:definitions>', `${ESCALATION}\n</bpmn:definitions>`);
}

describe('escalation events', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('a non-interrupting escalation boundary event starts its own path while the sub-process goes on', async () => {
    // given
    const handle = await harness.start(await compileOrThrow(escalatingProcess('escalateBeside', false)));

    // when
    const inform = await openTaskOf(harness.db, handle.workflowId, 'inform');
    const finish = await openTaskOf(harness.db, handle.workflowId, 'finish');
    await completeTask(handle, inform.id);
    await completeTask(handle, finish.id);
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(expect.arrayContaining(['raise', 'escalated', 'inform', 'informed', 'finish', 'work', 'end']));
  });

  it('an interrupting escalation boundary event stops the sub-process before its next step', async () => {
    // given
    const handle = await harness.start(await compileOrThrow(escalatingProcess('escalateInstead', true)));

    // when
    const inform = await openTaskOf(harness.db, handle.workflowId, 'inform');
    await completeTask(handle, inform.id);
    const result = await handle.result();

    // then
    expect(result.path).toEqual(['start', 'innerStart', 'escalated', 'inform', 'informed']);
    expect(await harness.db.task.count({ where: { instanceId: handle.workflowId, elementId: 'finish' } })).toBe(0);
  });

  it('an escalation nothing catches lets the thrower go on', async () => {
    // given
    const xml = processXml(
      [
        '<bpmn:startEvent id="start" />',
        '<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:intermediateThrowEvent>',
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'raise'),
        flow('f2', 'raise', 'end'),
      ].join('\n'),
      { id: 'uncaughtEscalation' },
    ).replace('</bpmn:definitions>', `${ESCALATION}\n</bpmn:definitions>`);

    // when
    const result = await (await harness.start(await compileOrThrow(xml))).result();

    // then
    expect(result).toMatchObject({ status: 'completed', path: ['start', 'raise', 'end'] });
  });
});
