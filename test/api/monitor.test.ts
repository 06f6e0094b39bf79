/**
 * GET /api/monitor/dashboard and /api/monitor/escalations: open instances per process,
 * reminders and escalations of the last 7/30 days, cycle times (median, p90, weekly) —
 * always over what the caller may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quantile, weekStart } from '../../engine/api/monitor-cycle-times';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertDefinition, insertEscalation, insertIncident, insertInstanceRow } from './support/monitor-rows';
import { insertTask } from './support/rows';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
type Who = 'admin' | 'owner' | 'manager' | 'alice' | 'outsider';

describe('monitor dashboard', () => {
  let api: ApiHarness;
  const tokens = {} as Record<Who, string>;
  const ids: Record<string, string> = {};
  const now = Date.now();
  const ago = (ms: number) => new Date(now - ms);

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'manager', 'alice', 'outsider'] as Who[]) tokens[who] = await api.login(who);
    await insertDefinition(api.db, { key: 'capa', owner: 'owner' });
    // given: open capa instances (one at an incident, one with an overdue task), one open doc-review of alice
    ids.capaOpen = await insertInstanceRow(api.db, { processKey: 'capa' });
    ids.capaIncident = await insertInstanceRow(api.db, { processKey: 'capa', status: 'incident' });
    await insertIncident(api.db, ids.capaIncident);
    ids.capaLate = await insertInstanceRow(api.db, { processKey: 'capa' });
    ids.lateTask = await insertTask(api.db, { instanceId: ids.capaLate, processKey: 'capa', assignee: 'bob', dueAt: ago(2 * DAY) });
    ids.docAlice = await insertInstanceRow(api.db, { processKey: 'doc-review', startedBy: 'alice' });
    ids.aliceTask = await insertTask(api.db, { instanceId: ids.docAlice, processKey: 'doc-review', name: 'Review SOP', assignee: 'alice' });
    // and: completed capa instances taking 1..10 days, ended this week and three weeks ago
    for (let days = 1; days <= 10; days++) {
      const endedAt = days <= 5 ? ago(HOUR) : ago(21 * DAY);
      await insertInstanceRow(api.db, { processKey: 'capa', status: 'completed', startedAt: new Date(endedAt.getTime() - days * DAY), endedAt });
    }
    await insertInstanceRow(api.db, { processKey: 'capa', status: 'completed', startedAt: ago(400 * DAY), endedAt: ago(200 * DAY) });
    // and: escalations 2 days ago (capa, doc-review) and 20 days ago (capa), one 40 days ago
    await insertEscalation(api.db, { taskId: ids.lateTask, instanceId: ids.capaLate, processKey: 'capa', at: ago(2 * DAY) });
    await insertEscalation(api.db, { taskId: ids.lateTask, instanceId: ids.capaLate, processKey: 'capa', at: ago(20 * DAY), kind: 'reminder' });
    await insertEscalation(api.db, { taskId: ids.aliceTask, instanceId: ids.docAlice, processKey: 'doc-review', at: ago(2 * DAY) });
    await insertEscalation(api.db, { taskId: ids.lateTask, instanceId: ids.capaLate, processKey: 'capa', at: ago(40 * DAY) });
  });
  afterAll(() => api.close());

  const dashboard = async (who: Who, query = '') => {
    const response = await api.request('GET', `/api/monitor/dashboard${query}`, { token: tokens[who] });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('counts open instances per process, with those at an incident and those with an overdue task', async () => {
    const body = await dashboard('admin');
    expect(body.openByProcess).toEqual([
      { processKey: 'capa', open: 3, withIncident: 1, withOverdueTask: 1 },
      { processKey: 'doc-review', open: 1, withIncident: 0, withOverdueTask: 0 },
    ]);
  });

  it('counts reminders and escalations of the last 7 and 30 days, per process', async () => {
    const body = await dashboard('admin');
    expect(body.escalations).toEqual({
      last7Days: 2,
      last30Days: 3,
      byProcess: [
        { processKey: 'capa', last7Days: 1, last30Days: 2 },
        { processKey: 'doc-review', last7Days: 1, last30Days: 1 },
      ],
    });
  });

  it('gives the median and p90 cycle time of the instances completed in the period, and per week', async () => {
    // when
    const body = await dashboard('admin', '?days=90');
    // then: ten instances of 1..10 days (the one ended 200 days ago is outside the period)
    expect(body.cycleTimes.byProcess).toEqual([{ processKey: 'capa', completed: 10, medianMs: 5 * DAY, p90Ms: 9 * DAY }]);
    const weeks = body.cycleTimes.weekly.map((w: any) => [w.weekStart, w.completed, w.medianMs]);
    expect(weeks).toEqual([
      [weekStart(ago(21 * DAY)).toISOString(), 5, 8 * DAY],
      [weekStart(ago(HOUR)).toISOString(), 5, 3 * DAY],
    ]);
  });

  it('narrows everything to one process when asked', async () => {
    const body = await dashboard('admin', '?processKey=doc-review');
    expect(body.openByProcess.map((p: any) => p.processKey)).toEqual(['doc-review']);
    expect(body.escalations.last30Days).toBe(1);
    expect(body.cycleTimes.byProcess).toEqual([]);
  });

  it("shows a process owner their process's numbers and staff only their own", async () => {
    // owner owns capa (qualflow:owner)
    const owner = await dashboard('owner');
    expect(owner.openByProcess.map((p: any) => [p.processKey, p.open])).toEqual([['capa', 3]]);
    expect(owner.escalations.last30Days).toBe(2);
    expect(owner.cycleTimes.byProcess[0].completed).toBe(10);
    // alice started the doc-review instance and holds its task
    const alice = await dashboard('alice');
    expect(alice.openByProcess.map((p: any) => [p.processKey, p.open])).toEqual([['doc-review', 1]]);
    expect(alice.escalations).toEqual({ last7Days: 1, last30Days: 1, byProcess: [{ processKey: 'doc-review', last7Days: 1, last30Days: 1 }] });
    expect(alice.cycleTimes.byProcess).toEqual([]);
    // outsider sees nothing at all
    const outsider = await dashboard('outsider');
    expect([outsider.openByProcess, outsider.escalations.last30Days, outsider.cycleTimes.weekly]).toEqual([[], 0, []]);
  });

  it('lists the escalations behind a number with their task names, newest first, within scope', async () => {
    const all = await api.request('GET', '/api/monitor/escalations?days=30&processKey=capa', { token: tokens.admin });
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((e: any) => [e.kind, e.taskName, e.instanceId])).toEqual([
      ['escalation', 'Review', ids.capaLate],
      ['reminder', 'Review', ids.capaLate],
    ]);
    const mine = await api.request('GET', '/api/monitor/escalations?days=7', { token: tokens.alice });
    expect(mine.body.items.map((e: any) => e.taskName)).toEqual(['Review SOP']);
  });
});

describe('cycle time arithmetic', () => {
  it('takes the nearest-rank quantile', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('starts weeks on Monday, midnight UTC', () => {
    expect(weekStart(new Date('2026-12-03T15:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(weekStart(new Date('2026-12-06T23:59:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(weekStart(new Date('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});
