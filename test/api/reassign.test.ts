/**
 * POST /api/tasks/:id/reassign: the assignee's manager, process owners and admins hand an
 * open task to another user (their substitute when away) or to a candidate group, always
 * with a reason; audited and notified. Rows are written straight into the read model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertTask } from './support/rows';

type Who = 'admin' | 'owner' | 'manager' | 'alice' | 'bob' | 'carol' | 'outsider';
const DAY = 24 * 60 * 60 * 1000;

describe('reassigning a task', () => {
  let api: ApiHarness;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'manager', 'alice', 'bob', 'carol', 'outsider'] as Who[]) tokens[who] = await api.login(who);
  });
  afterAll(() => api.close());

  const reassign = (who: Who, id: string, body: Record<string, unknown>) =>
    api.request('POST', `/api/tasks/${id}/reassign`, { token: tokens[who], body });
  const alicesTask = () => insertTask(api.db, { name: 'Alice reviews', assignee: 'alice', candidateGroups: ['quality'] });

  it("lets the assignee's manager hand the task to another user, audited and notified", async () => {
    // given
    const id = await alicesTask();
    // when
    const response = await reassign('manager', id, { assignee: 'bob', reason: 'alice is overloaded' });
    // then
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, assignee: 'bob', delegatedFrom: null });
    const audit = await api.db.auditEntry.findMany({ where: { taskId: id, action: 'task.reassigned' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe('manager');
    expect(JSON.parse(audit[0].details)).toMatchObject({ from: 'alice', to: 'bob', reason: 'alice is overloaded' });
    const notified = await api.db.notification.findMany({ where: { taskId: id, kind: 'task.reassigned' } });
    const users = await api.db.user.findMany({ where: { id: { in: notified.map((n) => n.userId) } } });
    expect(users.map((u) => u.username).sort()).toEqual(['alice', 'bob']);
    expect(new Set(notified.map((n) => n.eventId)).size).toBe(1);
  });

  it.each<[Who, number]>([
    ['owner', 200],
    ['admin', 200],
    ['manager', 200],
    ['carol', 403],
    ['alice', 403],
    ['bob', 404],
    ['outsider', 404],
  ])('answers %s reassigning a task alice holds with %i', async (who, status) => {
    // given
    const id = await alicesTask();
    // when
    const response = await reassign(who, id, { assignee: 'carol', reason: 'rebalancing' });
    // then
    expect(response.status).toBe(status);
    const row = await api.db.task.findUniqueOrThrow({ where: { id } });
    expect(row.assignee).toBe(status === 200 ? 'carol' : 'alice');
  });

  it('lets the owner the process names reassign its tasks without the owner role', async () => {
    // given a process whose model names carol (staff) as its owner, stored as deploying it stores it
    const definition = await api.db.definition.create({
      data: { key: 'owned', version: 1, name: 'Owned', xml: '<xml/>', model: JSON.stringify({ owner: 'carol' }), owner: 'carol', hash: 'h-owned' },
    });
    const id = await insertTask(api.db, { assignee: 'bob', candidateGroups: ['document-control'] });
    await api.db.task.update({ where: { id }, data: { definitionId: definition.id } });
    // when
    const byNamedOwner = await reassign('carol', id, { assignee: 'alice', reason: 'my process, my call' });
    // then
    expect(byNamedOwner.status).toBe(200);
    expect(byNamedOwner.body.assignee).toBe('alice');
  });

  it('refuses a manager reassigning a task of someone who does not report to them', async () => {
    const id = await insertTask(api.db, { assignee: 'carol', candidateUsers: ['alice'] });
    expect((await reassign('manager', id, { assignee: 'bob', reason: 'x' })).status).toBe(403);
  });

  it.each([
    ['without a reason', { assignee: 'bob' }, 'reason'],
    ['with a blank reason', { assignee: 'bob', reason: '   ' }, 'reason'],
    ['naming both a user and a group', { assignee: 'bob', candidateGroup: 'quality', reason: 'x' }, 'assignee'],
    ['naming neither', { reason: 'x' }, 'assignee'],
    ['to an unknown user', { assignee: 'nobody', reason: 'x' }, 'assignee'],
    ['to an unknown group', { candidateGroup: 'no-such-group', reason: 'x' }, 'candidateGroup'],
  ])('refuses a reassignment %s with 400 naming the field', async (_case, body, field) => {
    // given
    const id = await alicesTask();
    // when
    const response = await reassign('admin', id, body);
    // then
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain(field);
    expect((await api.db.task.findUniqueOrThrow({ where: { id } })).assignee).toBe('alice');
  });

  it('hands the task to a candidate group: unassigned, that group its only candidate, its members notified', async () => {
    // given
    const id = await alicesTask();
    // when
    const response = await reassign('owner', id, { candidateGroup: 'document-control', reason: 'belongs to document control' });
    // then
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ assignee: null, candidateGroups: ['document-control'], candidateUsers: [] });
    const bobSees = await api.request('GET', `/api/tasks/${id}`, { token: tokens.bob });
    const carolSees = await api.request('GET', `/api/tasks/${id}`, { token: tokens.carol });
    expect(bobSees.status).toBe(200);
    expect(carolSees.status).toBe(404);
    const notified = await api.db.notification.findMany({ where: { taskId: id, kind: 'task.reassigned' } });
    const users = await api.db.user.findMany({ where: { id: { in: notified.map((n) => n.userId) } } });
    expect(users.map((u) => u.username).sort()).toEqual(['alice', 'bob']);
  });

  it('gives the task to the substitute of a user who is away, recording who it was meant for', async () => {
    // given
    await api.db.substitution.create({
      data: { username: 'bob', substitute: 'carol', startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY), createdBy: 'bob' },
    });
    const id = await alicesTask();
    // when
    const response = await reassign('manager', id, { assignee: 'bob', reason: 'bob knows this' });
    // then
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ assignee: 'carol', delegatedFrom: 'bob' });
    const audit = await api.db.auditEntry.findFirstOrThrow({ where: { taskId: id, action: 'task.reassigned' } });
    expect(JSON.parse(audit.details)).toMatchObject({ requested: 'bob', to: 'carol', delegatedFrom: 'bob' });
    await api.db.substitution.deleteMany({ where: { username: 'bob' } });
  });

  it('refuses to reassign a closed task with 409', async () => {
    const id = await insertTask(api.db, { assignee: 'alice', state: 'completed', completedBy: 'alice' });
    expect((await reassign('admin', id, { assignee: 'bob', reason: 'x' })).status).toBe(409);
  });
});
