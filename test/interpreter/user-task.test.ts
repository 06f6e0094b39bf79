import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateQuery } from '../../workflows/contract';
import { ModelBuilder } from './builders';
import { completeTask, createHarness, openTaskOf, type Harness } from './harness';

describe('user task', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('completes a linear flow once its task is completed, recording task, instance and audit rows', async () => {
    // given
    const model = new ModelBuilder('linear')
      .start('start')
      .userTask('review', {
        name: 'Review document',
        assignee: '=author',
        candidateGroups: 'quality, document-control',
        candidateUsers: '=["bob"]',
        dueDate: 'P2D',
        priority: '=if urgent then 80 else 40',
        inputs: [{ source: '=title', target: 'documentTitle' }],
        outputs: [{ source: '=approved', target: 'review.approved' }],
      })
      .end('end')
      .chain('start', 'review', 'end')
      .build();

    // when
    const handle = await harness.start(model, { author: 'alice', urgent: true, title: 'SOP-1', review: { round: 1 } });
    const task = await openTaskOf(harness.db, handle.workflowId, 'review');
    const whileWaiting = await handle.query(stateQuery);
    await completeTask(handle, task.id, { approved: true, comment: 'fine' }, 'alice');
    const result = await handle.result();

    // then
    expect(task).toMatchObject({ name: 'Review document', assignee: 'alice', priority: 80, processKey: 'linear' });
    expect(task.candidates.map((c) => `${c.kind}:${c.value}`).sort()).toEqual(['group:document-control', 'group:quality', 'user:bob']);
    const dueInMs = task.dueAt!.getTime() - task.createdAt.getTime();
    expect(Math.abs(dueInMs - 2 * 24 * 3600_000)).toBeLessThan(60_000);
    expect(JSON.parse(task.variables)).toMatchObject({ documentTitle: 'SOP-1', title: 'SOP-1' });
    expect(whileWaiting).toMatchObject({ status: 'active', activeElements: ['review'], path: ['start'] });
    expect(result).toMatchObject({ status: 'completed', activeElements: [], path: ['start', 'review', 'end'] });
    // With output mappings only the mapped variables leave the task (Zeebe); the form's own fields stay local.
    expect(result.variables).toEqual({ author: 'alice', urgent: true, title: 'SOP-1', review: { round: 1, approved: true } });
    const closed = await harness.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(closed).toMatchObject({ state: 'completed', completedBy: 'alice' });
    const instance = await harness.db.instance.findUniqueOrThrow({ where: { id: handle.workflowId } });
    expect(instance.status).toBe('completed');
    expect(instance.endedAt).not.toBeNull();
    expect(JSON.parse(instance.path)).toEqual(['start', 'review', 'end']);
    const actions = (await harness.db.auditEntry.findMany({ where: { instanceId: handle.workflowId } })).map((entry) => entry.action);
    expect(actions.sort()).toEqual(['instance.completed', 'instance.started', 'task.assigned', 'task.completed', 'task.created']);
  });

  it('rejects completing the same task a second time', async () => {
    // given
    const model = new ModelBuilder('twice').start('start').userTask('work').userTask('next').end('end').chain('start', 'work', 'next', 'end').build();
    const handle = await harness.start(model);
    const task = await openTaskOf(harness.db, handle.workflowId, 'work');
    await completeTask(handle, task.id);

    // when
    const second = completeTask(handle, task.id);

    // then
    await expect(second).rejects.toThrow(WorkflowUpdateFailedError);
    await expect(second).rejects.toSatisfy((error: Error) => /is not waiting/.test(String((error as { cause?: Error }).cause?.message)));
    const next = await openTaskOf(harness.db, handle.workflowId, 'next');
    expect(next.state).toBe('open');
    await completeTask(handle, next.id);
    expect((await handle.result()).status).toBe('completed');
  });
});
