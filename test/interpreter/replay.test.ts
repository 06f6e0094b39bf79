import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryIncidentUpdate } from '../../workflows/contract';
import { testWorkflowBundle } from '../support/temporal';
import { ModelBuilder } from './builders';
import { completeTask, createHarness, eventually, openTaskOf, type Harness } from './harness';

describe('replay', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('replays the history of an instance with parallel tokens, a timer, a service task and a retried incident', async () => {
    // given
    const model = new ModelBuilder('replay')
      .start('start')
      .parallelGateway('fork')
      .userTask('review')
      .timerBoundary('remind', 'review', { duration: 'PT1S', cancelActivity: false })
      .end('reminded')
      .serviceTask('prepare', { taskType: 'qualflow:set-variables', headers: { prepared: 'true' } })
      .exclusiveGateway('check')
      .scriptTask('score', { expression: 'limit * 2', resultVariable: 'score' })
      .parallelGateway('join')
      .end('end')
      .chain('start', 'fork', 'review', 'join', 'end')
      .chain('fork', 'prepare', 'check')
      .flow('check', 'score', { condition: 'limit > 0' })
      .chain('score', 'join')
      .chain('remind', 'reminded')
      .build();
    const handle = await harness.start(model, { limit: 0 });
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId } }), 15_000, 'an incident');
    const review = await openTaskOf(harness.db, handle.workflowId, 'review');
    await eventually(() => harness.db.auditEntry.findFirst({ where: { instanceId: handle.workflowId, action: 'instance.started' } }));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id, variables: { limit: 3 } }] });
    await completeTask(handle, review.id, { ok: true });
    const result = await handle.result();
    const history = await handle.fetchHistory();

    // when
    const replay = Worker.runReplayHistory({ workflowBundle: testWorkflowBundle() }, history, handle.workflowId);

    // then
    await expect(replay).resolves.toBeUndefined();
    expect(result.status).toBe('completed');
    expect(result.variables).toMatchObject({ prepared: true, score: 6, ok: true });
    expect(result.path).toEqual(expect.arrayContaining(['remind', 'reminded', 'score', 'join', 'end']));
  });
});
