/**
 * Saved task list filters: each user keeps their own named queries on the server; a
 * query is checked against the task list's parameters before it is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertTask } from './support/rows';

describe('saved task list filters', () => {
  let api: ApiHarness;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    [alice, bob] = await Promise.all([api.login('alice'), api.login('bob')]);
  });
  afterAll(() => api.close());

  it('saves a filter that, run again, gives the same tasks', async () => {
    // given two quality tasks, one urgent
    await insertTask(api.db, { name: 'Urgent review', candidateGroups: ['quality'], priority: 90 });
    await insertTask(api.db, { name: 'Routine review', candidateGroups: ['quality'], priority: 20 });
    // when alice saves "urgent" and lists her filters
    const saved = await api.request('POST', '/api/filters', { token: alice, body: { name: 'Urgent', query: { minPriority: '80', sort: '-priority' } } });
    const list = await api.request('GET', '/api/filters', { token: alice });
    // then it is listed with its query, and the query finds the urgent task only
    expect(saved.status, saved.text).toBe(201);
    expect(list.body.items).toEqual([expect.objectContaining({ id: saved.body.id, name: 'Urgent', query: { minPriority: '80', sort: '-priority' } })]);
    const params = new URLSearchParams(list.body.items[0].query).toString();
    const tasks = await api.request('GET', `/api/tasks?${params}`, { token: alice });
    expect(tasks.body.items.map((t: { name: string }) => t.name)).toEqual(['Urgent review']);
  });

  it('keeps filters private: another user neither lists, changes nor deletes them', async () => {
    // given a filter of alice
    const saved = await api.request('POST', '/api/filters', { token: alice, body: { name: 'Mine overdue', query: { overdue: 'true' } } });
    // when bob looks, renames and deletes it
    const listed = await api.request('GET', '/api/filters', { token: bob });
    const renamed = await api.request('PUT', `/api/filters/${saved.body.id}`, { token: bob, body: { name: 'stolen' } });
    const deleted = await api.request('DELETE', `/api/filters/${saved.body.id}`, { token: bob });
    // then he sees none of hers, and both changes are 404
    expect(listed.body.items).toEqual([]);
    expect(renamed.status).toBe(404);
    expect(deleted.status).toBe(404);
    expect((await api.db.savedFilter.findUnique({ where: { id: saved.body.id } }))?.name).toBe('Mine overdue');
  });

  it('renames and replaces the query of a filter, then deletes it', async () => {
    const saved = await api.request('POST', '/api/filters', { token: bob, body: { name: 'Escalated', query: { minEscalationLevel: '1' } } });
    const changed = await api.request('PUT', `/api/filters/${saved.body.id}`, { token: bob, body: { name: 'Badly escalated', query: { minEscalationLevel: '2', var: ['severity=high'] } } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Badly escalated', query: { minEscalationLevel: '2', var: ['severity=high'] } });
    expect((await api.request('DELETE', `/api/filters/${saved.body.id}`, { token: bob })).status).toBe(204);
    expect((await api.request('GET', '/api/filters', { token: bob })).body.items).toEqual([]);
  });

  it('refuses a second filter of the same name with 409, but another user may use the name', async () => {
    await api.request('POST', '/api/filters', { token: alice, body: { name: 'Twice', query: {} } });
    const again = await api.request('POST', '/api/filters', { token: alice, body: { name: 'Twice', query: { overdue: 'true' } } });
    const bobs = await api.request('POST', '/api/filters', { token: bob, body: { name: 'Twice', query: {} } });
    expect(again.status).toBe(409);
    expect(bobs.status).toBe(201);
  });

  it.each([
    ['an unknown parameter', { colour: 'red' }, 'colour'],
    ['a malformed value', { dueBefore: 'tomorrow' }, 'dueBefore'],
    ['a bad variable condition', { var: '"x"' }, 'var'],
  ])('refuses a query with %s (400 naming it)', async (_what, query, named) => {
    const response = await api.request('POST', '/api/filters', { token: alice, body: { name: `bad ${named}`, query } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain(named);
  });

  it('needs a name', async () => {
    const response = await api.request('POST', '/api/filters', { token: alice, body: { name: '  ', query: {} } });
    expect(response.status).toBe(400);
  });
});
