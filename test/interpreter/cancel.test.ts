import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelSignal } from '../../workflows/contract';
import { ModelBuilder } from './builders';
import { createHarness, eventually, openTaskOf, type Harness } from './harness';

const model = new ModelBuilder('cancel-me')
  .start('start')
  .parallelGateway('fork')
  .userTask('a')
  .userTask('b')
  .parallelGateway('join')
  .end('end')
  .chain('start', 'fork', 'a', 'join', 'end')
  .chain('fork', 'b', 'join')
  .build();

describe('cancel', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('the cancel signal closes every open task as canceled and ends the instance as canceled', async () => {
    // given
    const handle = await harness.start(model);
    await openTaskOf(harness.db, handle.workflowId, 'a');
    await openTaskOf(harness.db, handle.workflowId, 'b');

    // when
    await handle.signal(cancelSignal, { reason: 'raised in error', canceledBy: 'manager' });
    const result = await handle.result();

    // then
    expect(result).toMatchObject({ status: 'canceled', activeElements: [] });
    const tasks = await harness.db.task.findMany({ where: { instanceId: handle.workflowId } });
    expect(tasks.map((task) => [task.state, task.closeReason, task.completedBy])).toEqual([
      ['canceled', 'raised in error', 'manager'],
      ['canceled', 'raised in error', 'manager'],
    ]);
    const instance = await harness.db.instance.findUniqueOrThrow({ where: { id: handle.workflowId } });
    expect(instance.status).toBe('canceled');
    expect(instance.endedAt).not.toBeNull();
    const audit = await harness.db.auditEntry.findFirst({ where: { instanceId: handle.workflowId, action: 'instance.canceled' } });
    expect(audit?.actor).toBe('manager');
  });

  it('a Temporal cancellation also closes the tasks and completes the workflow normally as canceled', async () => {
    // given
    const handle = await harness.start(model);
    await openTaskOf(harness.db, handle.workflowId, 'a');
    await openTaskOf(harness.db, handle.workflowId, 'b');

    // when
    await handle.cancel();
    const result = await handle.result();

    // then
    expect(result.status).toBe('canceled');
    const open = await eventually(
      async () => (await harness.db.task.count({ where: { instanceId: handle.workflowId, state: 'open' } })) === 0,
      5000,
      'no open task',
    );
    expect(open).toBe(true);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  });
});
