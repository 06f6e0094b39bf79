/**
 * The deadline side of the task list: every task carries dueAt, overdue (computed when
 * read), followUpAt, escalationLevel and delegatedFrom, and the list filters and sorts on
 * them. Rows are written straight into the read model with known dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertInstance, insertTask } from './support/rows';

const HOUR = 60 * 60 * 1000;

describe('task list filters and sorts on deadlines', () => {
  let api: ApiHarness;
  let token: string;
  const now = Date.now();
  const at = (hours: number) => new Date(now + hours * HOUR);

  async function task(name: string, fields: { dueAt?: Date; followUpAt?: Date; escalationLevel?: number; priority?: number; createdAt?: Date; state?: 'open' | 'completed'; delegatedFrom?: string }) {
    const id = await insertTask(api.db, { name, candidateGroups: ['quality'], dueAt: fields.dueAt, priority: fields.priority, state: fields.state, completedBy: fields.state === 'completed' ? 'alice' : undefined });
    await api.db.task.update({
      where: { id },
      data: {
        followUpAt: fields.followUpAt ?? null,
        escalationLevel: fields.escalationLevel ?? 0,
        createdAt: fields.createdAt ?? new Date(now),
        delegatedFrom: fields.delegatedFrom ?? null,
      },
    });
    return id;
  }

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    token = await api.login('alice');
    // given: five open tasks and one completed one, each date a day or more from now
    await task('late-a-week', { dueAt: at(-24 * 7), escalationLevel: 2, priority: 30, createdAt: at(-24 * 10), followUpAt: at(-24 * 8) });
    await task('late-an-hour-ago', { dueAt: at(-1), escalationLevel: 1, priority: 90, createdAt: at(-24 * 3) });
    await task('due-tomorrow', { dueAt: at(24), priority: 60, createdAt: at(-24 * 2), followUpAt: at(-2), delegatedFrom: 'bob' });
    await task('due-next-week', { dueAt: at(24 * 7), priority: 10, createdAt: at(-24), followUpAt: at(24 * 3) });
    await task('no-due-date', { priority: 50, createdAt: at(-5), escalationLevel: 0 });
    await task('completed-late', { dueAt: at(-24 * 2), state: 'completed', escalationLevel: 3, createdAt: at(-24 * 20) });
  });
  afterAll(() => api.close());

  const names = async (query: string) => {
    const response = await api.request('GET', `/api/tasks?${query}`, { token });
    expect(response.status).toBe(200);
    return response.body.items.map((t: { name: string }) => t.name);
  };

  it('shows dueAt, a computed overdue flag, followUpAt, escalationLevel and delegatedFrom on every task', async () => {
    // when
    const items = (await api.request('GET', '/api/tasks?state=all&sort=name&pageSize=200', { token })).body.items;
    // then
    const byName = Object.fromEntries(items.map((t: { name: string }) => [t.name, t]));
    expect(byName['late-a-week']).toMatchObject({ overdue: true, escalationLevel: 2, dueAt: at(-24 * 7).toISOString(), followUpAt: at(-24 * 8).toISOString(), delegatedFrom: null });
    expect(byName['due-tomorrow']).toMatchObject({ overdue: false, escalationLevel: 0, delegatedFrom: 'bob' });
    expect(byName['no-due-date']).toMatchObject({ overdue: false, dueAt: null, followUpAt: null });
    expect(byName['completed-late']).toMatchObject({ overdue: false, state: 'completed' });
  });

  it('filters overdue tasks: open and due before now, also when every state is asked for', async () => {
    expect(await names('overdue=true&sort=dueAt')).toEqual(['late-a-week', 'late-an-hour-ago']);
    expect(await names('overdue=true&state=all&sort=dueAt')).toEqual(['late-a-week', 'late-an-hour-ago']);
    expect(await names('overdue=false&sort=name')).toEqual(['due-next-week', 'due-tomorrow', 'no-due-date']);
    expect(await names('overdue=false&state=all&sort=name')).toEqual(['completed-late', 'due-next-week', 'due-tomorrow', 'no-due-date']);
  });

  it('filters by due before and due after', async () => {
    const inTwoDays = encodeURIComponent(at(48).toISOString());
    const threeDaysAgo = encodeURIComponent(at(-72).toISOString());
    expect(await names(`dueBefore=${inTwoDays}&sort=dueAt`)).toEqual(['late-a-week', 'late-an-hour-ago', 'due-tomorrow']);
    expect(await names(`dueAfter=${threeDaysAgo}&sort=dueAt`)).toEqual(['late-an-hour-ago', 'due-tomorrow', 'due-next-week']);
    expect(await names(`dueAfter=${threeDaysAgo}&dueBefore=${inTwoDays}&sort=dueAt`)).toEqual(['late-an-hour-ago', 'due-tomorrow']);
  });

  it('filters the tasks whose follow-up date has come', async () => {
    expect(await names('followUpDue=true&sort=name')).toEqual(['due-tomorrow', 'late-a-week']);
    expect(await names('followUpDue=false&sort=name')).toEqual(['due-next-week', 'late-an-hour-ago', 'no-due-date']);
  });

  it('filters by a minimum escalation level', async () => {
    expect(await names('minEscalationLevel=1&sort=name')).toEqual(['late-a-week', 'late-an-hour-ago']);
    expect(await names('minEscalationLevel=2&state=all&sort=name')).toEqual(['completed-late', 'late-a-week']);
  });

  it.each([
    ['dueAt', ['late-a-week', 'late-an-hour-ago', 'due-tomorrow', 'due-next-week', 'no-due-date']],
    ['-dueAt', ['due-next-week', 'due-tomorrow', 'late-an-hour-ago', 'late-a-week', 'no-due-date']],
    ['priority', ['due-next-week', 'late-a-week', 'no-due-date', 'due-tomorrow', 'late-an-hour-ago']],
    ['-priority', ['late-an-hour-ago', 'due-tomorrow', 'no-due-date', 'late-a-week', 'due-next-week']],
    ['createdAt', ['late-a-week', 'late-an-hour-ago', 'due-tomorrow', 'due-next-week', 'no-due-date']],
    ['-createdAt', ['no-due-date', 'due-next-week', 'due-tomorrow', 'late-an-hour-ago', 'late-a-week']],
    ['-escalationLevel', ['late-a-week', 'late-an-hour-ago', 'due-tomorrow', 'due-next-week', 'no-due-date']],
    ['escalationLevel', ['due-tomorrow', 'due-next-week', 'no-due-date', 'late-an-hour-ago', 'late-a-week']],
  ])('sorts by %s (ties by creation, tasks without a due date last)', async (sort, expected) => {
    expect(await names(`sort=${sort}`)).toEqual(expected);
  });

  it('refuses a malformed date or level with 400 naming the parameter', async () => {
    const badDate = await api.request('GET', '/api/tasks?dueBefore=yesterday', { token });
    const badLevel = await api.request('GET', '/api/tasks?minEscalationLevel=-1', { token });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body.details)).toContain('dueBefore');
    expect(badLevel.status).toBe(400);
    expect(JSON.stringify(badLevel.body.details)).toContain('minEscalationLevel');
  });
});

describe('task list search: words, business key, completed by, priority and variables', () => {
  let api: ApiHarness;
  let token: string;

  async function taskIn(name: string, instance: { businessKey?: string; variables: Record<string, unknown> }, fields: { priority?: number; state?: 'open' | 'completed'; completedBy?: string } = {}) {
    const instanceId = await insertInstance(api.db, { businessKey: instance.businessKey });
    await api.db.instance.update({ where: { id: instanceId }, data: { variables: JSON.stringify(instance.variables) } });
    return insertTask(api.db, { name, instanceId, candidateGroups: ['quality'], priority: fields.priority, state: fields.state, completedBy: fields.completedBy });
  }

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    token = await api.login('alice');
    // given four tasks of quality in instances with different business keys and variables
    await taskIn('Review CAPA plan', { businessKey: 'CAPA-2026-017', variables: { severity: 'high', amount: 1200, closed: false } }, { priority: 80 });
    await taskIn('Approve SOP revision', { businessKey: 'SOP-QA-0012', variables: { severity: 'low', amount: 100, note: 'severity:"high" in text' } }, { priority: 40 });
    await taskIn('Review supplier SCAR', { businessKey: 'SCAR-9', variables: { severity: 'high', amount: '100' } }, { priority: 60 });
    await taskIn('Close CAPA', { businessKey: 'CAPA-2026-003', variables: { severity: 'high' } }, { state: 'completed', completedBy: 'alice', priority: 50 });
  });
  afterAll(() => api.close());

  const names = async (query: string) => {
    const response = await api.request('GET', `/api/tasks?sort=name&${query}`, { token });
    expect(response.status, response.text).toBe(200);
    return response.body.items.map((t: { name: string }) => t.name);
  };

  it('finds words in the task name, in any letter case', async () => {
    expect(await names('text=review')).toEqual(['Review CAPA plan', 'Review supplier SCAR']);
  });

  it('finds the business key of the instance, and shows it on each task', async () => {
    const found = await api.request('GET', '/api/tasks?text=CAPA-2026', { token });
    expect(found.body.items).toEqual([expect.objectContaining({ name: 'Review CAPA plan', businessKey: 'CAPA-2026-017' })]);
    expect(await names('text=CAPA-2026&state=all')).toEqual(['Close CAPA', 'Review CAPA plan']);
  });

  it('lists what I completed', async () => {
    expect(await names('state=completed&completedBy=me')).toEqual(['Close CAPA']);
    expect(await names('state=completed&completedBy=bob')).toEqual([]);
  });

  it('filters a priority range', async () => {
    expect(await names('minPriority=50')).toEqual(['Review CAPA plan', 'Review supplier SCAR']);
    expect(await names('minPriority=50&maxPriority=70')).toEqual(['Review supplier SCAR']);
  });

  it('matches a top-level variable exactly, as text or as a number, and every condition must hold', async () => {
    expect(await names('var=severity%3Dhigh')).toEqual(['Review CAPA plan', 'Review supplier SCAR']);
    expect(await names('var=amount%3D100')).toEqual(['Approve SOP revision', 'Review supplier SCAR']);
    expect(await names('var=severity%3Dhigh&var=amount%3D1200')).toEqual(['Review CAPA plan']);
    expect(await names('var=closed%3Dfalse')).toEqual(['Review CAPA plan']);
    expect(await names('var=severity%3Dhig')).toEqual([]);
  });

  it('refuses a variable condition that is not name=value', async () => {
    const response = await api.request('GET', '/api/tasks?var=%22severity%22', { token });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain('var');
  });
});
