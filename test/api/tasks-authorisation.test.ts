/**
 * Who may see, claim and complete a task, decided before Temporal is asked. Task rows
 * are written straight into the read model; Temporal is unreachable in this file, so
 * a permitted completion would answer 503 (never reached here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertInstance, insertTask } from './support/rows';

type Who = 'admin' | 'owner' | 'manager' | 'alice' | 'bob' | 'carol' | 'outsider';

describe('task authorisation', () => {
  let api: ApiHarness;
  const tokens = {} as Record<Who, string>;
  let assignedToAlice: string;
  let qualityGroupTask: string;
  let bobCandidateTask: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'manager', 'alice', 'bob', 'carol', 'outsider'] as Who[]) {
      tokens[who] = await api.login(who);
    }
    assignedToAlice = await insertTask(api.db, { name: 'Assigned to alice', assignee: 'alice', candidateGroups: ['quality'] });
    qualityGroupTask = await insertTask(api.db, { name: 'Quality group task', candidateGroups: ['quality'] });
    bobCandidateTask = await insertTask(api.db, { name: 'Bob as candidate user', candidateUsers: ['bob'] });
  });
  afterAll(() => api.close());

  const listNames = async (who: Who, query = '') =>
    (await api.request('GET', `/api/tasks${query}`, { token: tokens[who] })).body.items.map((t: { name: string }) => t.name).sort();

  it.each<[Who, string[]]>([
    ['alice', ['Assigned to alice', 'Quality group task']],
    ['carol', ['Assigned to alice', 'Quality group task']],
    ['bob', ['Bob as candidate user']],
    ['manager', ['Assigned to alice', 'Bob as candidate user']],
    ['outsider', []],
    ['admin', ['Assigned to alice', 'Bob as candidate user', 'Quality group task']],
  ])('lists for %s only the tasks they may see', async (who, expected) => {
    expect(await listNames(who)).toEqual(expected);
  });

  it.each<[Who, number]>([
    ['alice', 200],
    ['carol', 200],
    ['manager', 200],
    ['admin', 200],
    ['bob', 404],
    ['outsider', 404],
  ])('shows the task assigned to alice to %s with status %i', async (who, status) => {
    const response = await api.request('GET', `/api/tasks/${assignedToAlice}`, { token: tokens[who] });
    expect(response.status).toBe(status);
  });

  it('returns the task with its candidates, form and variables', async () => {
    // given
    const form = { id: 'review', components: [{ type: 'textfield', key: 'comment', label: 'Comment' }] };
    const id = await insertTask(api.db, { candidateGroups: ['quality'], form, variables: { severity: 'high' } });
    // when
    const response = await api.request('GET', `/api/tasks/${id}`, { token: tokens.alice });
    // then
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, candidateGroups: ['quality'], candidateUsers: [], form, variables: { severity: 'high' }, state: 'open' });
  });

  it.each<[Who, number]>([
    ['outsider', 403],
    ['manager', 403],
    ['bob', 403],
    ['carol', 409],
    ['alice', 200],
  ])('lets %s claim the task alice holds with status %i', async (who, status) => {
    const response = await api.request('POST', `/api/tasks/${assignedToAlice}/claim`, { token: tokens[who] });
    expect(response.status).toBe(status);
  });

  it('lets a member of a candidate group claim an unassigned task, and then nobody else', async () => {
    // when
    const claimed = await api.request('POST', `/api/tasks/${qualityGroupTask}/claim`, { token: tokens.carol });
    const again = await api.request('POST', `/api/tasks/${qualityGroupTask}/claim`, { token: tokens.alice });
    // then
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toBe('carol');
    expect(again.status).toBe(409);
    const audit = await api.db.auditEntry.findMany({ where: { taskId: qualityGroupTask, action: 'task.claimed' } });
    expect(audit.map((a) => a.actor)).toEqual(['carol']);
  });

  it('lets a candidate user claim, the manager of the assignee unclaim, and refuses others', async () => {
    // when
    const claimed = await api.request('POST', `/api/tasks/${bobCandidateTask}/claim`, { token: tokens.bob });
    const byOutsider = await api.request('POST', `/api/tasks/${bobCandidateTask}/unclaim`, { token: tokens.outsider });
    const byManager = await api.request('POST', `/api/tasks/${bobCandidateTask}/unclaim`, { token: tokens.manager });
    // then
    expect(claimed.status).toBe(200);
    expect(byOutsider.status).toBe(403);
    expect(byManager.status).toBe(200);
    expect(byManager.body.assignee).toBeNull();
  });

  it.each<[Who]>([['outsider'], ['carol'], ['manager'], ['admin'], ['bob']])(
    'refuses %s completing a task assigned to alice with 403',
    async (who) => {
      // given
      const id = await insertTask(api.db, { assignee: 'alice', candidateGroups: ['quality'] });
      // when
      const response = await api.request('POST', `/api/tasks/${id}/complete`, { token: tokens[who], body: { variables: {} } });
      // then
      expect(response.status).toBe(403);
    },
  );

  it('answers 404 for an unknown task on every action', async () => {
    for (const action of ['claim', 'unclaim', 'complete']) {
      const response = await api.request('POST', `/api/tasks/no-such-task/${action}`, { token: tokens.alice, body: { variables: {} } });
      expect(response.status).toBe(404);
    }
    expect((await api.request('GET', '/api/tasks/no-such-task', { token: tokens.admin })).status).toBe(404);
  });

  it('answers 409 when completing a task that is already completed', async () => {
    // given
    const id = await insertTask(api.db, { assignee: 'alice', state: 'completed', completedBy: 'alice' });
    // when
    const response = await api.request('POST', `/api/tasks/${id}/complete`, { token: tokens.alice, body: { variables: {} } });
    // then
    expect(response.status).toBe(409);
  });

  it('answers 422 with every violation when the variables fail the task form, before claiming it', async () => {
    // given
    const form = {
      id: 'decision',
      components: [
        { type: 'radio', key: 'decision', label: 'Decision', validate: { required: true }, values: [{ label: 'Approve', value: 'approve' }, { label: 'Reject', value: 'reject' }] },
        { type: 'number', key: 'score', label: 'Score', validate: { min: 1, max: 10 } },
      ],
    };
    const id = await insertTask(api.db, { candidateGroups: ['quality'], form });
    // when
    const response = await api.request('POST', `/api/tasks/${id}/complete`, {
      token: tokens.alice,
      body: { variables: { decision: 'maybe', score: 'ten' } },
    });
    // then
    expect(response.status).toBe(422);
    expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['decision', 'score']);
    const task = await api.db.task.findUniqueOrThrow({ where: { id } });
    expect(task.assignee).toBeNull();
  });

  it('answers 503 with a retry hint when a permitted completion cannot reach Temporal', async () => {
    // given
    const id = await insertTask(api.db, { candidateUsers: ['bob'] });
    // when
    const response = await api.request('POST', `/api/tasks/${id}/complete`, { token: tokens.bob, body: { variables: {} } });
    // then
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('filters by assignee=me, candidateGroup, overdue and paginates', async () => {
    // given
    const instanceId = await insertInstance(api.db, { processKey: 'filters' });
    const overdue = new Date(Date.now() - 60_000);
    for (let i = 0; i < 3; i++) {
      await insertTask(api.db, { instanceId, processKey: 'filters', name: `mine ${i}`, assignee: 'carol', dueAt: i === 0 ? overdue : undefined });
    }
    // when
    const mine = await api.request('GET', '/api/tasks?assignee=me&processKey=filters&pageSize=2&page=2&sort=name', { token: tokens.carol });
    const late = await api.request('GET', '/api/tasks?processKey=filters&overdue=true', { token: tokens.carol });
    const group = await api.request('GET', `/api/tasks?instanceId=${instanceId}&candidateGroup=quality`, { token: tokens.carol });
    // then
    expect(mine.body.total).toBe(3);
    expect(mine.body.items.map((t: { name: string }) => t.name)).toEqual(['mine 2']);
    expect(late.body.items.map((t: { name: string }) => t.name)).toEqual(['mine 0']);
    expect(group.body.total).toBe(0);
  });
});
