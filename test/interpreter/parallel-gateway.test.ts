import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateQuery } from '../../workflows/contract';
import { ModelBuilder } from './builders';
import { completeTask, createHarness, openTaskOf, type Harness } from './harness';

describe('parallel gateway', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('waits at the join until both branches arrive, then continues once', async () => {
    // given
    const model = new ModelBuilder('review-in-parallel')
      .start('start')
      .parallelGateway('fork')
      .userTask('legal')
      .userTask('quality')
      .parallelGateway('join')
      .userTask('approve')
      .end('end')
      .chain('start', 'fork', 'legal', 'join', 'approve', 'end')
      .chain('fork', 'quality', 'join')
      .build();
    const handle = await harness.start(model);
    const legal = await openTaskOf(harness.db, handle.workflowId, 'legal');
    const quality = await openTaskOf(harness.db, handle.workflowId, 'quality');

    // when
    await completeTask(handle, legal.id, { legalOk: true });
    const afterOneBranch = await handle.query(stateQuery);
    const approveTasksAfterOne = await harness.db.task.count({ where: { instanceId: handle.workflowId, elementId: 'approve' } });
    await completeTask(handle, quality.id, { qualityOk: true });
    const approve = await openTaskOf(harness.db, handle.workflowId, 'approve');
    await completeTask(handle, approve.id);
    const result = await handle.result();

    // then
    expect(afterOneBranch.activeElements).toEqual(['quality']);
    expect(approveTasksAfterOne).toBe(0);
    expect(result.status).toBe('completed');
    expect(result.path.filter((id) => id === 'join')).toHaveLength(1);
    expect(result.path.slice(-3)).toEqual(['join', 'approve', 'end']);
    expect(result.variables).toMatchObject({ legalOk: true, qualityOk: true });
  });

  it('forks implicitly when an activity has several outgoing flows', async () => {
    // given
    const model = new ModelBuilder('implicit-fork')
      .start('start')
      .scriptTask('prepare', { expression: '1', resultVariable: 'prepared' })
      .userTask('a')
      .userTask('b')
      .end('endA')
      .end('endB')
      .chain('start', 'prepare', 'a', 'endA')
      .chain('prepare', 'b', 'endB')
      .build();

    // when
    const handle = await harness.start(model);
    const a = await openTaskOf(harness.db, handle.workflowId, 'a');
    const b = await openTaskOf(harness.db, handle.workflowId, 'b');
    const state = await handle.query(stateQuery);
    await completeTask(handle, a.id);
    await completeTask(handle, b.id);

    // then
    expect([...state.activeElements].sort()).toEqual(['a', 'b']);
    expect((await handle.result()).path.filter((id) => id.startsWith('end')).sort()).toEqual(['endA', 'endB']);
  });
});
