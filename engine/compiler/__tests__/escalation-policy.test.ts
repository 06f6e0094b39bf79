import { describe, expect, it } from 'vitest';
import type { UserTaskElement } from '../../../workflows/model';
import { compile } from '../index';
import { between, processXml, userTask } from './bpmn-builder';

/** Compiles `Task_1` ("Review") with the given extension elements between a start and an end event. */
async function compileTask(extensions: string) {
  const result = await compile(processXml(between(userTask('Task_1', 'Review', extensions))));
  return { ...result, task: result.model?.elements.Task_1 as UserTaskElement | undefined };
}

const policy = (...levels: string[]) => `<qualflow:escalationPolicy>${levels.join('')}</qualflow:escalationPolicy>`;
const SUBJECT = 'User task "Review" (Task_1)';

describe('qualflow:deadline and qualflow:escalationPolicy', () => {
  it('compiles a deadline and a policy, counting working time unless told otherwise, levels in the order they fire', async () => {
    // given
    const extensions = [
      '<qualflow:deadline dueIn="P5D" followUpIn="P3D" />',
      policy(
        '<qualflow:reminder before="PT4H" time="elapsed" notify="assignee" />',
        '<qualflow:reminder before="P1D" notify="assignee, candidates" />',
        '<qualflow:escalation after="P5D" notify="owner" />',
        '<qualflow:escalation after="PT0S" notify="manager" />',
        '<qualflow:escalation after="P2D" reassignTo="group:qa-leads" priority="80" notify="assignee,user:olivia" />',
      ),
    ].join('');

    // when
    const { errors, warnings, task } = await compileTask(extensions);

    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(task?.deadline).toEqual({ dueIn: 'P5D', followUpIn: 'P3D', basis: 'working' });
    expect(task?.escalation).toEqual({
      reminders: [
        { before: 'P1D', basis: 'working', notify: ['assignee', 'candidates'] },
        { before: 'PT4H', basis: 'elapsed', notify: ['assignee'] },
      ],
      levels: [
        { after: 'PT0S', basis: 'working', notify: ['manager'] },
        { after: 'P2D', basis: 'working', notify: ['assignee', 'user:olivia'], reassignTo: 'group:qa-leads', priority: 80 },
        { after: 'P5D', basis: 'working', notify: ['owner'] },
      ],
    });
  });

  it('accepts a policy whose due date comes from zeebe:taskSchedule', async () => {
    // given
    const extensions = '<zeebe:taskSchedule dueDate="=dueDate" />' + policy('<qualflow:escalation after="PT0S" notify="manager" />');

    // when
    const { errors, task } = await compileTask(extensions);

    // then
    expect(errors).toEqual([]);
    expect(task?.deadline).toBeUndefined();
    expect(task?.escalation?.levels).toHaveLength(1);
  });

  it.each([
    ['a due duration that is not ISO 8601', '<qualflow:deadline dueIn="5 days" />', `${SUBJECT} has a deadline, which has dueIn="5 days"; it must be an ISO 8601 duration such as P1D or PT4H`],
    ['a follow-up duration that is not ISO 8601', '<qualflow:deadline dueIn="P1D" followUpIn="-P1D" />', `${SUBJECT} has a deadline, which has followUpIn="-P1D"; it must be an ISO 8601 duration such as P1D or PT4H`],
    ['neither due nor follow-up', '<qualflow:deadline time="elapsed" />', `${SUBJECT} has a deadline, which has neither dueIn nor followUpIn; set at least one`],
    ['months in working time', '<qualflow:deadline dueIn="P1M" />', `${SUBJECT} has a deadline, which has dueIn="P1M" in working time, which has no years or months; give working days (e.g. P20D) or use time="elapsed"`],
    ['an unknown time basis', '<qualflow:deadline dueIn="P1D" time="business" />', `${SUBJECT} has a deadline, which counts time as "business"; time must be "working" or "elapsed"`],
  ])('reports a deadline with %s', async (_, extensions, message) => {
    // when
    const { errors, model } = await compileTask(extensions);

    // then
    expect(errors).toEqual([{ elementId: 'Task_1', message }]);
    expect(model).toBeUndefined();
  });

  it.each([
    ['a reminder without before', '<qualflow:reminder notify="assignee" />', `${SUBJECT} has reminder 1, which has no before; it must be an ISO 8601 duration such as P1D or PT4H`],
    ['a reminder that notifies nobody', '<qualflow:reminder before="P1D" />', `${SUBJECT} has reminder 1, which notifies nobody; set notify (e.g. "assignee")`],
    ['an unknown recipient kind', '<qualflow:reminder before="P1D" notify="assignee,boss" />', `${SUBJECT} has reminder 1, which notifies "boss"; a recipient is assignee, candidates, manager, owner, user:<username> or group:<name>`],
    ['a bad escalation duration', '<qualflow:escalation after="2 days" notify="manager" />', `${SUBJECT} has escalation 1, which has after="2 days"; it must be an ISO 8601 duration such as P1D or PT4H`],
    ['a priority above 100', '<qualflow:escalation after="P1D" priority="150" />', `${SUBJECT} has escalation 1, which sets the priority "150"; it must be an integer between 0 and 100`],
    ['a negative priority', '<qualflow:escalation after="P1D" priority="-1" />', `${SUBJECT} has escalation 1, which sets the priority "-1"; it must be an integer between 0 and 100`],
    ['reassignment to neither a user nor a group', '<qualflow:escalation after="P1D" reassignTo="olivia" />', `${SUBJECT} has escalation 1, which reassigns to "olivia"; reassignTo must be user:<username> or group:<name>`],
    ['a level that does nothing', '<qualflow:escalation after="P1D" />', `${SUBJECT} has escalation 1, which does nothing; set notify, reassignTo or priority`],
    ['an unknown time basis', '<qualflow:escalation after="P1D" notify="owner" time="calendar" />', `${SUBJECT} has escalation 1, which counts time as "calendar"; time must be "working" or "elapsed"`],
  ])('reports %s in an escalation policy', async (_, level, message) => {
    // when
    const { errors, model } = await compileTask('<qualflow:deadline dueIn="P5D" />' + policy(level));

    // then
    expect(errors).toEqual([{ elementId: 'Task_1', message }]);
    expect(model).toBeUndefined();
  });

  it('reports an escalation policy on a task that never gets a due date as an error', async () => {
    // given: a follow-up date is no due date
    const extensions = '<qualflow:deadline followUpIn="P1D" />' + policy('<qualflow:escalation after="PT0S" notify="manager" />');

    // when
    const { errors } = await compileTask(extensions);

    // then
    expect(errors).toEqual([
      {
        elementId: 'Task_1',
        message: `${SUBJECT} has an escalation policy but no due date: set zeebe:taskSchedule dueDate or qualflow:deadline dueIn, since reminders and escalations count from the due date`,
      },
    ]);
  });

  it('warns about an empty escalation policy', async () => {
    // when
    const { errors, warnings } = await compileTask('<qualflow:deadline dueIn="P1D" />' + policy());

    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ elementId: 'Task_1', message: `${SUBJECT} has an escalation policy without any reminder or escalation; it does nothing` }]);
  });

  it('reports a second deadline', async () => {
    // when
    const { errors } = await compileTask('<qualflow:deadline dueIn="P1D" /><qualflow:deadline dueIn="P2D" />');

    // then
    expect(errors).toEqual([{ elementId: 'Task_1', message: expect.stringContaining('more than once') }]);
  });
});
