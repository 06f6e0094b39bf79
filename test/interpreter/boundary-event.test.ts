import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateQuery } from '../../workflows/contract';
import { ModelBuilder } from './builders';
import { completeTask, createHarness, eventually, openTaskOf, type Harness } from './harness';

describe('timer boundary event', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('an interrupting timer cancels the task and takes its own path', async () => {
    // given
    const model = new ModelBuilder('escalate')
      .start('start')
      .userTask('review')
      .timerBoundary('late', 'review', { duration: 'PT2S' })
      .userTask('escalation')
      .end('done')
      .end('escalated')
      .chain('start', 'review', 'done')
      .chain('late', 'escalation', 'escalated')
      .build();
    const handle = await harness.start(model);
    const review = await openTaskOf(harness.db, handle.workflowId, 'review');

    // when
    const escalation = await openTaskOf(harness.db, handle.workflowId, 'escalation');
    const lateCompletion = completeTask(handle, review.id);

    // then
    await expect(lateCompletion).rejects.toThrow();
    const canceled = await harness.db.task.findUniqueOrThrow({ where: { id: review.id } });
    expect(canceled).toMatchObject({ state: 'canceled', closeReason: 'interrupted by "late"' });
    expect(await handle.query(stateQuery)).toMatchObject({ activeElements: ['escalation'], path: ['start', 'late'] });
    await completeTask(handle, escalation.id);
    expect((await handle.result()).path).toEqual(['start', 'late', 'escalation', 'escalated']);
  });

  it('a non-interrupting timer spawns a token once while the task stays open', async () => {
    // given
    const model = new ModelBuilder('remind')
      .start('start')
      .userTask('review')
      .timerBoundary('reminder', 'review', { duration: '=reminderAfter', cancelActivity: false })
      .serviceTask('remind', { taskType: 'qualflow:set-variables', headers: { reminded: 'true' } })
      .end('done')
      .end('remindedEnd')
      .chain('start', 'review', 'done')
      .chain('reminder', 'remind', 'remindedEnd')
      .build();
    const handle = await harness.start(model, { reminderAfter: 'PT1S' });
    const review = await openTaskOf(harness.db, handle.workflowId, 'review');

    // when
    const afterReminder = await eventually(async () => {
      const state = await handle.query(stateQuery);
      return state.path.includes('remindedEnd') ? state : undefined;
    }, 15_000, 'the reminder branch to finish');
    const stillOpen = await harness.db.task.findUniqueOrThrow({ where: { id: review.id } });
    await completeTask(handle, review.id);
    const result = await handle.result();

    // then
    expect(stillOpen.state).toBe('open');
    expect(afterReminder.activeElements).toEqual(['review']);
    expect(afterReminder.variables).toMatchObject({ reminded: true });
    expect(result.path.filter((id) => id === 'reminder')).toHaveLength(1);
    expect(result.path.slice(-2)).toEqual(['review', 'done']);
  });

  it('completing the task first disarms its timer', async () => {
    // given
    const model = new ModelBuilder('in-time')
      .start('start')
      .userTask('review')
      .timerBoundary('late', 'review', { duration: 'PT1S' })
      .end('done')
      .end('escalated')
      .chain('start', 'review', 'done')
      .chain('late', 'escalated')
      .build();
    const handle = await harness.start(model);
    const review = await openTaskOf(harness.db, handle.workflowId, 'review');

    // when
    await completeTask(handle, review.id);
    const result = await handle.result();
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // then
    expect(result.path).toEqual(['start', 'review', 'done']);
    const history = await handle.fetchHistory();
    const fired = history.events?.filter((event) => event.timerFiredEventAttributes) ?? [];
    expect(fired).toHaveLength(0);
  });
});
