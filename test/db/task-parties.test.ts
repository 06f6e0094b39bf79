/**
 * TaskParty is written only by the database triggers of migration task_parties: whatever
 * writes a task (activities, API, escalations, out of office), its rows must say exactly who
 * the task concerns, and the instance scope that reads them must agree with the task scope.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instanceScope, taskScope } from '../../engine/api/access';
import type { AuthUser } from '../../engine/api/context';
import type { Db } from '../../engine/db/client';
import { seedMonitorLoad, STAFF, TEAMS } from '../bench/monitor-seed';
import { createTestDb, type TestDb } from '../support/db';

function person(username: string, extra: Partial<AuthUser> = {}): AuthUser {
  return { id: username, username, name: username, email: `${username}@example.test`, roles: ['staff'], groups: [], managerId: null, reports: [], ...extra };
}

async function partiesOf(db: Db, taskId: string): Promise<string[]> {
  const rows = await db.taskParty.findMany({ where: { taskId }, orderBy: [{ role: 'asc' }, { party: 'asc' }] });
  return rows.map((row) => `${row.role} ${row.party}`);
}

/** What TaskParty should hold, worked out from the tasks and candidates themselves. */
async function expectedParties(db: Db): Promise<string[]> {
  const tasks = await db.task.findMany({ include: { candidates: true } });
  return tasks
    .flatMap((task) => [
      ...(task.assignee ? [`${task.id} ${task.instanceId} assignee user:${task.assignee}`] : []),
      ...(task.completedBy ? [`${task.id} ${task.instanceId} completedBy user:${task.completedBy}`] : []),
      ...task.candidates.map((c) => `${task.id} ${task.instanceId} candidate ${c.kind}:${c.value}`),
    ])
    .sort();
}

async function actualParties(db: Db): Promise<string[]> {
  return (await db.taskParty.findMany()).map((row) => `${row.taskId} ${row.instanceId} ${row.role} ${row.party}`).sort();
}

async function visibleInstances(db: Db, user: AuthUser): Promise<string[]> {
  return (await db.instance.findMany({ where: instanceScope(user), select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id);
}

describe('task parties (the instance scope read model)', () => {
  let test: TestDb;
  let db: Db;
  beforeEach(async () => {
    test = await createTestDb();
    db = test.db;
    await db.instance.create({ data: { id: 'i1', definitionId: 'd1', processKey: 'capa', version: 1, status: 'active', startedBy: 'carol' } });
  });
  afterEach(async () => test.cleanup());

  const openTask = (id: string, data: { assignee?: string; candidates?: { kind: string; value: string }[] } = {}) =>
    db.task.create({
      data: {
        id, instanceId: 'i1', definitionId: 'd1', processKey: 'capa', elementId: 'Task_1', elementInstanceId: id, name: 'Review',
        assignee: data.assignee ?? null, ...(data.candidates && { candidates: { create: data.candidates } }),
      },
    });

  it('follow a task through assignment, candidates, reassignment and completion', async () => {
    // given
    await openTask('t1', { assignee: 'alice', candidates: [{ kind: 'group', value: 'quality' }, { kind: 'user', value: 'dave' }] });
    expect(await partiesOf(db, 't1')).toEqual(['assignee user:alice', 'candidate group:quality', 'candidate user:dave']);
    // when the task is reassigned, a candidate is dropped and another added
    await db.task.update({ where: { id: 't1' }, data: { assignee: 'bob' } });
    await db.taskCandidate.delete({ where: { taskId_kind_value: { taskId: 't1', kind: 'user', value: 'dave' } } });
    await db.taskCandidate.create({ data: { taskId: 't1', kind: 'group', value: 'production' } });
    // then
    expect(await partiesOf(db, 't1')).toEqual(['assignee user:bob', 'candidate group:production', 'candidate group:quality']);
    // when it is given back and then completed by someone else
    await db.task.update({ where: { id: 't1' }, data: { assignee: null } });
    await db.task.update({ where: { id: 't1' }, data: { state: 'completed', completedBy: 'erin', completedAt: new Date() } });
    // then
    expect(await partiesOf(db, 't1')).toEqual(['candidate group:production', 'candidate group:quality', 'completedBy user:erin']);
  });

  it('go with their task and their instance', async () => {
    // given
    await openTask('t1', { assignee: 'alice', candidates: [{ kind: 'group', value: 'quality' }] });
    await openTask('t2', { assignee: 'bob' });
    // when
    await db.task.delete({ where: { id: 't1' } });
    // then
    expect((await actualParties(db)).map((row) => row.split(' ').slice(2).join(' '))).toEqual(['assignee user:bob']);
    // when
    await db.instance.delete({ where: { id: 'i1' } });
    // then
    expect(await actualParties(db)).toEqual([]);
  });

  it('make the instance scope follow the task: a former assignee no longer sees the instance, the new one does', async () => {
    // given
    await openTask('t1', { assignee: 'alice' });
    const alice = person('alice');
    const bob = person('bob');
    expect(await visibleInstances(db, alice)).toEqual(['i1']);
    expect(await visibleInstances(db, bob)).toEqual([]);
    // when
    await db.task.update({ where: { id: 't1' }, data: { assignee: 'bob' } });
    // then
    expect(await visibleInstances(db, alice)).toEqual([]);
    expect(await visibleInstances(db, bob)).toEqual(['i1']);
    expect(await visibleInstances(db, person('carol')), 'who started it').toEqual(['i1']);
    expect(await visibleInstances(db, person('mona', { roles: ['manager'], reports: ['bob'] })), "bob's manager").toEqual(['i1']);
    expect(await visibleInstances(db, person('quinn', { groups: ['quality'] }))).toEqual([]);
    expect(await visibleInstances(db, person('olga', { roles: ['owner'], processes: ['capa'] })), 'the process owner').toEqual(['i1']);
  });

  it('mirror the tasks exactly after bulk writes and many random changes, and agree with the task scope', async () => {
    // given: bulk inserts (createMany), as the bench seeds them
    await seedMonitorLoad(db, 60, new Date('2026-12-01T00:00:00Z'), 7);
    const tasks = await db.task.findMany({ select: { id: true } });
    // when: reassignments, completions, candidates added and removed, in a fixed pseudo-random order
    for (let i = 0; i < 120; i++) {
      const id = tasks[(i * 37) % tasks.length].id;
      const who = STAFF[(i * 11) % STAFF.length];
      const team = TEAMS[i % TEAMS.length];
      if (i % 4 === 0) await db.task.update({ where: { id }, data: { assignee: i % 8 === 0 ? null : who } });
      if (i % 4 === 1) await db.task.update({ where: { id }, data: { completedBy: who, state: 'completed' } });
      if (i % 4 === 2) await db.taskCandidate.upsert({ where: { taskId_kind_value: { taskId: id, kind: 'group', value: team } }, create: { taskId: id, kind: 'group', value: team }, update: {} });
      if (i % 4 === 3) await db.taskCandidate.deleteMany({ where: { taskId: id } });
    }
    // then
    expect(await actualParties(db)).toEqual(await expectedParties(db));
    for (const user of [person(STAFF[0], { groups: [TEAMS[0]] }), person('manager', { roles: ['manager'], reports: STAFF.slice(1, 5) })]) {
      const viaTasks = await db.instance.findMany({ where: { OR: [{ startedBy: { in: [user.username, ...user.reports] } }, { tasks: { some: taskScope(user) } }] }, select: { id: true }, orderBy: { id: 'asc' } });
      expect(await visibleInstances(db, user), user.username).toEqual(viaTasks.map((row) => row.id));
      expect(viaTasks.length, `${user.username} sees something, so the comparison means something`).toBeGreaterThan(0);
    }
  });
});
