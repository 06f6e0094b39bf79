import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelBuilder } from './builders';
import { completeTask, createHarness, openTaskOf, type Harness } from './harness';

describe('worker restart', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('an instance still completes when the worker is replaced while a task waits', async () => {
    // given
    const model = new ModelBuilder('restart')
      .start('start')
      .userTask('first')
      .scriptTask('count', { expression: 'count + 1', resultVariable: 'count' })
      .userTask('second')
      .end('end')
      .chain('start', 'first', 'count', 'second', 'end')
      .build();
    const handle = await harness.start(model, { count: 0 });
    const first = await openTaskOf(harness.db, handle.workflowId, 'first');

    // when
    await harness.stopWorker();
    await harness.startWorker();
    await completeTask(handle, first.id, { note: 'after restart' });
    const second = await openTaskOf(harness.db, handle.workflowId, 'second');
    await completeTask(handle, second.id);
    const result = await handle.result();

    // then
    expect(result).toMatchObject({ status: 'completed', path: ['start', 'first', 'count', 'second', 'end'] });
    expect(result.variables).toMatchObject({ count: 1, note: 'after restart' });
    expect(await harness.db.task.count({ where: { instanceId: handle.workflowId } })).toBe(2);
  });
});
