/**
 * Instances started by a call activity, as the API shows them: the caller lists the
 * instances it started, a called instance names its caller, and a called instance is
 * canceled through its caller only (as in Camunda).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertInstance } from './support/rows';

describe('called instances', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  let parentId: string;
  let childId: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of ['alice', 'bob']) tokens[who] = await api.login(who);
    parentId = await insertInstance(api.db, { startedBy: 'alice', processKey: 'capa', status: 'completed' });
    childId = await insertInstance(api.db, { startedBy: 'bob', processKey: 'containment', status: 'active' });
    await api.db.instance.update({ where: { id: childId }, data: { parentInstanceId: parentId } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists the instances a caller started to whoever may see the caller', async () => {
    // when
    const response = await api.request('GET', `/api/instances/${parentId}`, { token: tokens.alice });

    // then
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ parentInstanceId: null, children: [{ id: childId, processKey: 'containment', status: 'active' }] });
  });

  it('names the caller of a called instance, and keeps the called instance own access rules', async () => {
    // when
    const byBob = await api.request('GET', `/api/instances/${childId}`, { token: tokens.bob });
    const byAlice = await api.request('GET', `/api/instances/${childId}`, { token: tokens.alice });

    // then
    expect(byBob.status).toBe(200);
    expect(byBob.body).toMatchObject({ id: childId, parentInstanceId: parentId, children: [] });
    expect(byAlice.status).toBe(404);
  });

  it('refuses to cancel a called instance on its own', async () => {
    // when
    const response = await api.request('POST', `/api/instances/${childId}/cancel`, { token: tokens.bob, body: { reason: 'not needed' } });

    // then
    expect(response.status).toBe(409);
    expect(JSON.stringify(response.body)).toContain(`cancel that instance instead`);
  });
});
