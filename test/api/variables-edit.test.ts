/**
 * An admin corrects a running instance's process variables with a reason: the running
 * workflow takes the new values (the `setVariables` update), the read model and the
 * audit trail show them with the earlier values, and nobody else may do it. Real
 * Temporal dev server, real worker, real database.
 */
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../interpreter/harness';
import { testWorkflowBundle } from '../support/temporal';
import { startRunningApi, type RunningApi } from './instance-detail.harness';

describe('editing the variables of a running instance', () => {
  let run: RunningApi;
  beforeAll(async () => {
    run = await startRunningApi('api-variables');
  });
  afterAll(() => run?.close());

  const edit = (who: string, instanceId: string, body: unknown) =>
    run.api.request('PATCH', `/api/instances/${instanceId}/variables`, { token: run.tokens[who], body });

  it('sets the values in the running instance and its open task, and audits who, why and the earlier values', async () => {
    // given
    const { instanceId, reviewId } = await run.startCapa('alice', { severity: 'low' });
    // when
    const response = await edit('admin', instanceId, { variables: { severity: 'high', capaNumber: 'CAPA-7' }, reason: 'Severity was misread at intake' });
    // then
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: instanceId, changed: ['severity', 'capaNumber'], variables: { severity: 'high', capaNumber: 'CAPA-7', initiator: 'alice' } });
    const live = await run.api.request('GET', `/api/instances/${instanceId}`, { token: run.tokens.alice });
    expect(live.body).toMatchObject({ source: 'live', variables: { severity: 'high', capaNumber: 'CAPA-7' } });
    const task = await run.api.request('GET', `/api/tasks/${reviewId}`, { token: run.tokens.alice });
    expect(task.body.variables).toMatchObject({ severity: 'high', capaNumber: 'CAPA-7' });
    const row = await run.api.db.instance.findUniqueOrThrow({ where: { id: instanceId } });
    expect(JSON.parse(row.variables)).toMatchObject({ severity: 'high', capaNumber: 'CAPA-7' });
    const audit = await run.api.db.auditEntry.findMany({ where: { instanceId, action: 'variables.changed' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe('admin');
    expect(JSON.parse(audit[0].details)).toEqual({
      reason: 'Severity was misread at intake',
      changes: [
        { name: 'severity', before: 'low', after: 'high' },
        { name: 'capaNumber', after: 'CAPA-7' },
      ],
    });
  });

  it('lets the process go on with the corrected value', async () => {
    // given an instance raised as low severity, corrected to high before its review completes
    const { instanceId, reviewId } = await run.startCapa('alice', { severity: 'low' });
    await edit('admin', instanceId, { variables: { severity: 'high' }, reason: 'Customer impact confirmed' });
    // when
    const completed = await run.api.request('POST', `/api/tasks/${reviewId}/complete`, { token: run.tokens.alice, body: { variables: {} } });
    // then the gateway takes the high-severity path
    expect(completed.status).toBe(200);
    expect(await run.openTask(instanceId, 'Task_Contain')).toBeTruthy();
  });

  it('is for admins only, needs a reason and at least one variable, and changes nothing otherwise', async () => {
    // given
    const { instanceId } = await run.startCapa('alice', { severity: 'low' });
    const attempt = { variables: { severity: 'none' }, reason: 'tidy up' };
    // when
    const statuses = await Promise.all(['owner', 'manager', 'alice'].map(async (who) => (await edit(who, instanceId, attempt)).status));
    const noReason = await edit('admin', instanceId, { variables: { severity: 'none' }, reason: '  ' });
    const nothing = await edit('admin', instanceId, { variables: {}, reason: 'nothing' });
    const unknown = await edit('admin', 'no-such-instance', attempt);
    // then
    expect(statuses).toEqual([403, 403, 403]);
    expect([noReason.status, nothing.status, unknown.status]).toEqual([400, 400, 404]);
    const live = await run.api.request('GET', `/api/instances/${instanceId}`, { token: run.tokens.admin });
    expect(live.body.variables.severity).toBe('low');
    expect(await run.api.db.auditEntry.count({ where: { instanceId, action: 'variables.changed' } })).toBe(0);
  });

  it('refuses an instance that has ended', async () => {
    // given
    const { instanceId } = await run.startCapa('alice', { severity: 'low' });
    await run.api.request('POST', `/api/instances/${instanceId}/cancel`, { token: run.tokens.admin, body: { reason: 'raised twice' } });
    await eventually(async () => ((await run.api.db.instance.findUnique({ where: { id: instanceId } }))?.status === 'canceled' ? true : undefined), 20_000, 'the cancel');
    // when
    const response = await edit('admin', instanceId, { variables: { severity: 'high' }, reason: 'too late' });
    // then
    expect(response.status).toBe(409);
  });

  it('leaves a history that replays on the current workflow code', async () => {
    // given an instance edited twice, then completed on the corrected path
    const { instanceId, reviewId } = await run.startCapa('alice', { severity: 'low' });
    await edit('admin', instanceId, { variables: { severity: 'high' }, reason: 'first correction' });
    await edit('admin', instanceId, { variables: { containmentOwner: 'alice' }, reason: 'second correction' });
    const reviewed = await run.api.request('POST', `/api/tasks/${reviewId}/complete`, { token: run.tokens.alice, body: { variables: {} } });
    const containId = await run.openTask(instanceId, 'Task_Contain');
    const contained = await run.api.request('POST', `/api/tasks/${containId}/complete`, { token: run.tokens.alice, body: { variables: {} } });
    expect([reviewed.status, contained.status]).toEqual([200, 200]);
    await eventually(async () => ((await run.api.db.instance.findUnique({ where: { id: instanceId } }))?.status === 'completed' ? true : undefined), 20_000, 'the end');
    // when
    const history = await run.api.temporal.workflow.getHandle(instanceId).fetchHistory();
    // then
    await expect(Worker.runReplayHistory({ workflowBundle: testWorkflowBundle(), replayName: 'variables-edit' }, history, instanceId)).resolves.toBeUndefined();
    expect(await run.api.db.auditEntry.count({ where: { instanceId, action: 'variables.changed' } })).toBe(2);
  });
});
