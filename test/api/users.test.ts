import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

describe('users and groups', () => {
  let api: ApiHarness;
  let admin: string;
  let manager: string;
  let alice: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    [admin, manager, alice] = [await api.login('admin'), await api.login('manager'), await api.login('alice')];
  });
  afterAll(() => api.close());

  const newUser = (username: string, extra: Record<string, unknown> = {}) => ({
    username,
    name: 'Dana Scully',
    email: `${username}@example.com`,
    password: 'secret-pass',
    roles: ['staff'],
    groups: ['quality', 'auditors'],
    ...extra,
  });

  it('lets an admin create a user, creating missing groups, who can then log in', async () => {
    // given
    const managerRow = await api.db.user.findUniqueOrThrow({ where: { username: 'manager' } });
    // when
    const response = await api.request('POST', '/api/users', { token: admin, body: newUser('dana', { managerId: managerRow.id }) });
    // then
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ username: 'dana', groups: ['auditors', 'quality'], managerId: managerRow.id, roles: ['staff'] });
    expect(response.body.passwordHash).toBeUndefined();
    expect(await api.db.group.findUnique({ where: { name: 'auditors' } })).not.toBeNull();
    expect(await api.login('dana', 'secret-pass')).toBeTruthy();
  });

  it('answers 409 for a username that is taken and 422 for an unknown manager', async () => {
    const duplicate = await api.request('POST', '/api/users', { token: admin, body: newUser('alice') });
    const noManager = await api.request('POST', '/api/users', { token: admin, body: newUser('erin', { managerId: 'nobody' }) });
    expect(duplicate.status).toBe(409);
    expect(noManager.status).toBe(422);
  });

  it('refuses to create users for anyone but an admin', async () => {
    const response = await api.request('POST', '/api/users', { token: manager, body: newUser('frank') });
    expect(response.status).toBe(403);
  });

  it('lists users for admins and managers only', async () => {
    const byAdmin = await api.request('GET', '/api/users', { token: admin });
    const byManager = await api.request('GET', '/api/users', { token: manager });
    const byStaff = await api.request('GET', '/api/users', { token: alice });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.items.map((u: { username: string }) => u.username)).toContain('alice');
    expect(byManager.status).toBe(200);
    expect(byStaff.status).toBe(403);
  });

  it('lists groups with their members to any logged-in user', async () => {
    const response = await api.request('GET', '/api/groups', { token: alice });
    expect(response.status).toBe(200);
    expect(response.body.items.find((g: { name: string }) => g.name === 'quality').members).toEqual(
      expect.arrayContaining(['alice', 'carol', 'owner']),
    );
  });
});
