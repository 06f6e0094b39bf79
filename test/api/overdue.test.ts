/**
 * GET /api/reports/overdue: open overdue tasks grouped by process, by assignee (unassigned:
 * by candidate group) and by age band, with counts and the oldest task of each group, and
 * only ever over the tasks the caller may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertTask } from './support/rows';

const DAY = 24 * 60 * 60 * 1000;
type Who = 'admin' | 'manager' | 'alice' | 'bob' | 'carol' | 'outsider';

describe('overdue report', () => {
  let api: ApiHarness;
  const tokens = {} as Record<Who, string>;
  const now = Date.now();
  const daysAgo = (days: number) => new Date(now - days * DAY);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of Object.keys({ admin: 0, manager: 0, alice: 0, bob: 0, carol: 0, outsider: 0 }) as Who[]) tokens[who] = await api.login(who);
    // given: overdue tasks of several ages, people and processes, plus ones that are not overdue
    ids.aliceOld = await insertTask(api.db, { name: 'alice 40d', processKey: 'capa', assignee: 'alice', dueAt: daysAgo(40) });
    ids.aliceNew = await insertTask(api.db, { name: 'alice 2h', processKey: 'capa', assignee: 'alice', dueAt: new Date(now - 2 * 60 * 60 * 1000) });
    ids.bob = await insertTask(api.db, { name: 'bob 5d', processKey: 'doc-review', assignee: 'bob', dueAt: daysAgo(5) });
    ids.quality = await insertTask(api.db, { name: 'quality 2d', processKey: 'capa', candidateGroups: ['quality'], dueAt: daysAgo(2) });
    ids.docControl = await insertTask(api.db, { name: 'doc-control 10d', processKey: 'doc-review', candidateGroups: ['document-control'], dueAt: daysAgo(10) });
    ids.carolOnly = await insertTask(api.db, { name: 'carol candidate 1.5d', processKey: 'audit', candidateUsers: ['carol'], dueAt: daysAgo(1.5) });
    await insertTask(api.db, { name: 'alice not due', assignee: 'alice', dueAt: new Date(now + DAY) });
    await insertTask(api.db, { name: 'alice no due date', assignee: 'alice' });
    await insertTask(api.db, { name: 'bob completed late', assignee: 'bob', state: 'completed', completedBy: 'bob', dueAt: daysAgo(3) });
  });
  afterAll(() => api.close());

  const report = async (who: Who, query = '') => {
    const response = await api.request('GET', `/api/reports/overdue${query}`, { token: tokens[who] });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('groups every open overdue task by process with counts and the oldest one', async () => {
    // when
    const body = await report('admin');
    // then
    expect(body.total).toBe(6);
    expect(body.oldest.id).toBe(ids.aliceOld);
    expect(body.byProcess.map((g: any) => [g.processKey, g.count, g.oldest.id])).toEqual([
      ['capa', 3, ids.aliceOld],
      ['doc-review', 2, ids.docControl],
      ['audit', 1, ids.carolOnly],
    ]);
  });

  it('groups assigned tasks by assignee and unassigned ones by candidate group', async () => {
    const body = await report('admin');
    const groups = Object.fromEntries(body.byAssignee.map((g: any) => [`${g.kind}:${g.name}`, [g.count, g.oldest.id]]));
    expect(groups).toEqual({
      'assignee:alice': [2, ids.aliceOld],
      'assignee:bob': [1, ids.bob],
      'group:quality': [1, ids.quality],
      'group:document-control': [1, ids.docControl],
      'unassigned:null': [1, ids.carolOnly],
    });
  });

  it('puts each task in its age band and lists every band, with the range that finds its tasks', async () => {
    // when
    const body = await report('admin');
    // then
    expect(body.byAgeBand.map((b: any) => [b.band, b.count, b.oldest?.id ?? null])).toEqual([
      ['under-1d', 1, ids.aliceNew],
      ['1-3d', 2, ids.quality],
      ['3-7d', 1, ids.bob],
      ['7-30d', 1, ids.docControl],
      ['over-30d', 1, ids.aliceOld],
    ]);
    const band = body.byAgeBand[1];
    const list = await api.request('GET', `/api/tasks?overdue=true&dueAfter=${encodeURIComponent(band.dueAfter)}&dueBefore=${encodeURIComponent(band.dueBefore)}`, { token: tokens.admin });
    expect(list.body.items.map((t: any) => t.id).sort()).toEqual([ids.quality, ids.carolOnly].sort());
  });

  it('narrows the report to one process', async () => {
    const body = await report('admin', '?processKey=doc-review');
    expect(body.total).toBe(2);
    expect(body.byProcess.map((g: any) => g.processKey)).toEqual(['doc-review']);
  });

  it.each<[Who, string[]]>([
    ['alice', ['aliceOld', 'aliceNew', 'quality']],
    ['bob', ['bob', 'docControl']],
    ['carol', ['quality', 'carolOnly']],
    ['manager', ['aliceOld', 'aliceNew', 'bob']],
    ['outsider', []],
  ])('counts for %s only the tasks they may see', async (who, visible) => {
    // when
    const body = await report(who);
    // then
    const seen = new Set<string>([...body.byProcess, ...body.byAssignee, ...body.byAgeBand].flatMap((g: any) => (g.oldest ? [g.oldest.id] : [])));
    const allowed = new Set(visible.map((key) => ids[key]));
    expect(body.total).toBe(visible.length);
    expect([...seen].filter((id) => !allowed.has(id))).toEqual([]);
    expect(body.byProcess.reduce((sum: number, g: any) => sum + g.count, 0)).toBe(visible.length);
  });

  it('never shows a staff user another staff member\'s assigned tasks', async () => {
    const body = await report('bob');
    expect(body.byAssignee.filter((g: any) => g.kind === 'assignee').map((g: any) => g.name)).toEqual(['bob']);
    expect(JSON.stringify(body)).not.toContain(ids.aliceOld);
  });

  it('answers 401 without a session', async () => {
    expect((await api.request('GET', '/api/reports/overdue')).status).toBe(401);
  });
});
