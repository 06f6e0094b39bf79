import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flow, processXml, userTask } from '../../engine/compiler/__tests__/bpmn-builder';
import { compileOrThrow } from '../../engine/compiler';
import { completeTask, createHarness, eventually, openTaskOf, type Harness } from './harness';

function timerEventSubProcess(id: string, interrupting: boolean, duration: string, inner: string): string {
  return `<bpmn:subProcess id="${id}" name="${id}" triggeredByEvent="true">
    <bpmn:startEvent id="${id}Start" isInterrupting="${interrupting}"><bpmn:timerEventDefinition><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
    ${inner}
    <bpmn:endEvent id="${id}End" />
    ${flow(`${id}F1`, `${id}Start`, `${id}Task`)}
    ${flow(`${id}F2`, `${id}Task`, `${id}End`)}
  </bpmn:subProcess>`;
}

describe('event sub-process', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('an interrupting timer event sub-process at process level cancels the open task and ends the instance after it', async () => {
    // given
    const xml = processXml(
      [
        '<bpmn:startEvent id="start" />',
        userTask('approve', 'Approve'),
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'approve'),
        flow('f2', 'approve', 'end'),
        timerEventSubProcess('expire', true, 'PT1S', `<bpmn:scriptTask id="expireTask" name="Mark expired"><bpmn:extensionElements><zeebe:script expression="=&quot;expired&quot;" resultVariable="outcome" /></bpmn:extensionElements></bpmn:scriptTask>`),
      ].join('\n'),
      { id: 'expiring' },
    );
    const handle = await harness.start(await compileOrThrow(xml));

    // when
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables).toEqual({ outcome: 'expired' });
    expect(result.path).toEqual(['start', 'expireStart', 'expireTask', 'expireEnd', 'expire']);
    const approve = await harness.db.task.findFirstOrThrow({ where: { instanceId: handle.workflowId, elementId: 'approve' } });
    expect(approve.state).toBe('canceled');
  });

  it('a non-interrupting timer event sub-process inside a sub-process runs beside its work, which then completes normally', async () => {
    // given
    const xml = processXml(
      [
        '<bpmn:startEvent id="start" />',
        `<bpmn:subProcess id="work" name="Work">
           <bpmn:startEvent id="innerStart" />
           ${userTask('do', 'Do the work')}
           <bpmn:endEvent id="innerEnd" />
           ${flow('w1', 'innerStart', 'do')}
           ${flow('w2', 'do', 'innerEnd')}
           ${timerEventSubProcess('remind', false, 'PT1S', userTask('remindTask', 'Reminder sent'))}
         </bpmn:subProcess>`,
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'work'),
        flow('f2', 'work', 'end'),
      ].join('\n'),
      { id: 'reminding' },
    );
    const handle = await harness.start(await compileOrThrow(xml));
    const work = await openTaskOf(harness.db, handle.workflowId, 'do');

    // when
    const reminder = await openTaskOf(harness.db, handle.workflowId, 'remindTask');
    await completeTask(handle, work.id);
    await eventually(async () => (await harness.db.task.findUniqueOrThrow({ where: { id: work.id } })).state === 'completed');
    await completeTask(handle, reminder.id);
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(expect.arrayContaining(['do', 'innerEnd', 'remindStart', 'remindTask', 'remindEnd', 'remind', 'work', 'end']));
    expect(result.path.indexOf('work')).toBeGreaterThan(result.path.indexOf('remind'));
  });
});
