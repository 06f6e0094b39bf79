/**
 * The instance page's timeline: every step of a really running instance (tasks with who,
 * when and how long, automatic steps in path order, variables changed by hand,
 * escalations, incidents), within the caller's instance scope, and the Temporal UI link
 * for admins. Real Temporal dev server, worker and database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../interpreter/harness';
import { startRunningApi, type RunningApi } from './instance-detail.harness';

interface Entry {
  kind: string;
  title: string;
  elementId: string | null;
  actor: string | null;
  state: string | null;
  durationMs: number | null;
  detail: string | null;
  overdue: boolean;
  changes?: unknown[];
  at: string | null;
}

describe('the instance timeline', () => {
  let run: RunningApi;
  let instanceId: string;
  let reviewId: string;

  beforeAll(async () => {
    run = await startRunningApi('api-timeline');
    // An instance alice raised and reviewed after a reminder fired and an admin corrected its severity.
    ({ instanceId, reviewId } = await run.startCapa('alice', { severity: 'low' }));
    await run.api.db.task.update({ where: { id: reviewId }, data: { dueAt: new Date(Date.now() - 60_000) } });
    await run.api.db.taskEscalation.create({
      data: { id: `${reviewId}:escalation:1`, taskId: reviewId, instanceId, processKey: 'severity-capa', kind: 'escalation', level: 1, actions: JSON.stringify({ notified: ['manager'], reassignedTo: 'bob' }) },
    });
    await run.api.request('PATCH', `/api/instances/${instanceId}/variables`, { token: run.tokens.admin, body: { variables: { severity: 'high' }, reason: 'Customer impact confirmed' } });
    await run.api.request('POST', `/api/tasks/${reviewId}/complete`, { token: run.tokens.alice, body: { variables: {} } });
    await run.openTask(instanceId, 'Task_Contain');
    await eventually(async () => {
      const path = JSON.parse((await run.api.db.instance.findUniqueOrThrow({ where: { id: instanceId } })).path) as string[];
      return path.includes('Gateway_Severity') ? true : undefined;
    }, 20_000, 'the gateway in the recorded path');
  });
  afterAll(() => run?.close());

  const timeline = (who: string, id = instanceId) => run.api.request('GET', `/api/instances/${id}/timeline`, { token: run.tokens[who] });

  it('lists every step in order: started, automatic steps, tasks with who and how long, escalations and changes', async () => {
    // when
    const response = await timeline('alice');
    // then
    expect(response.status).toBe(200);
    const entries: Entry[] = response.body.entries;
    expect(entries.map((e) => [e.kind, e.title])).toEqual([
      ['event', 'Instance started'],
      ['step', 'CAPA raised'],
      ['task', 'Review severity'],
      ['escalation', 'Escalation level 1'],
      ['event', 'Variables changed'],
      ['event', 'Task claimed'],
      ['step', 'Severity?'],
      ['task', 'Contain the problem'],
    ]);
    const [started, , review, escalation, changed, claimed, , contain] = entries;
    expect(started.actor).toBe('alice');
    expect(review).toMatchObject({ elementId: 'Task_Review', actor: 'alice', state: 'completed', overdue: true });
    expect(review.durationMs).toBeGreaterThanOrEqual(0);
    expect(escalation).toMatchObject({ elementId: 'Task_Review', detail: 'notified manager; reassigned to bob' });
    expect(changed).toMatchObject({ actor: 'admin', detail: 'Customer impact confirmed', changes: [{ name: 'severity', before: 'low', after: 'high' }] });
    expect(claimed).toMatchObject({ actor: 'alice', elementId: 'Task_Review' });
    expect(contain).toMatchObject({ state: 'open', endedAt: null, durationMs: null, overdue: false });
    const times = entries.map((e) => e.at).filter((at): at is string => at !== null);
    expect([...times].sort()).toEqual(times);
  });

  it('shows incidents with their message and who resolved them', async () => {
    // given
    const id = randomUUID();
    await run.api.db.incident.create({
      data: { id, instanceId, elementId: 'Gateway_Severity', elementInstanceId: randomUUID(), message: 'No flow matches', state: 'resolved', resolvedAt: new Date(), resolvedBy: 'admin' },
    });
    // when
    const entries: Entry[] = (await timeline('admin')).body.entries;
    // then
    expect(entries.find((e) => e.kind === 'incident')).toMatchObject({ title: 'Incident', elementId: 'Gateway_Severity', detail: 'No flow matches', actor: 'admin', state: 'resolved' });
  });

  it('is seen by whoever sees the instance, and links admins to the Temporal UI', async () => {
    // when
    const [byAdmin, byManager, byAlice, byOutsider, unknown] = await Promise.all([
      timeline('admin'),
      timeline('manager'),
      timeline('alice'),
      timeline('outsider'),
      timeline('admin', 'no-such-instance'),
    ]);
    // then
    expect(byAdmin.body.temporalUrl).toBe(`http://localhost:8233/namespaces/default/workflows/${instanceId}`);
    expect(byManager.status).toBe(200);
    expect(byAlice.body.temporalUrl).toBeNull();
    expect([byOutsider.status, unknown.status]).toEqual([404, 404]);
  });
});
