import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelBuilder } from './builders';
import { completeTask, createHarness, openTaskOf, type Harness } from './harness';

describe('end event', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('a terminate end event completes the instance and cancels the other open task', async () => {
    // given
    const model = new ModelBuilder('terminate')
      .start('start')
      .parallelGateway('fork')
      .userTask('reject')
      .userTask('review')
      .end('rejected', { terminate: true })
      .end('reviewed')
      .chain('start', 'fork', 'reject', 'rejected')
      .chain('fork', 'review', 'reviewed')
      .build();
    const handle = await harness.start(model);
    const reject = await openTaskOf(harness.db, handle.workflowId, 'reject');
    const review = await openTaskOf(harness.db, handle.workflowId, 'review');

    // when
    await completeTask(handle, reject.id, {}, 'bob');
    const result = await handle.result();

    // then
    expect(result).toMatchObject({ status: 'completed', activeElements: [] });
    expect(result.path.slice(-2)).toEqual(['reject', 'rejected']);
    const other = await harness.db.task.findUniqueOrThrow({ where: { id: review.id } });
    expect(other).toMatchObject({ state: 'canceled', closeReason: 'terminated by end event' });
    expect(await harness.db.instance.findUniqueOrThrow({ where: { id: handle.workflowId } })).toMatchObject({ status: 'completed' });
  });
});
