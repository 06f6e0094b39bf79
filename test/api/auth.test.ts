import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, seedPeople, startApi, type ApiHarness } from './support/api-harness';

describe('authentication', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ loginRateLimit: { maxFailures: 3, windowMs: 60_000 } });
    await seedPeople(api.db);
  });
  afterAll(() => api.close());

  it('logs in with the right password and returns a token, the user and an HttpOnly session cookie', async () => {
    // when
    const response = await api.request('POST', '/api/auth/login', { body: { username: 'alice', password: PASSWORD } });
    // then
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.body.user).toMatchObject({ username: 'alice', roles: ['staff'], groups: ['quality'] });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`qualflow_session=${response.body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('stores only the SHA-256 of the token and an scrypt hash of the password', async () => {
    // given
    const token = await api.login('bob');
    // then
    const sessions = await api.db.session.findMany();
    expect(sessions.some((s) => s.tokenHash === token)).toBe(false);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
    const bob = await api.db.user.findUniqueOrThrow({ where: { username: 'bob' } });
    expect(bob.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[^$]+\$[^$]+$/);
  });

  it('answers /api/me for a bearer token and for the session cookie', async () => {
    // given
    const token = await api.login('alice');
    const manager = await api.db.user.findUniqueOrThrow({ where: { username: 'manager' } });
    // when
    const byBearer = await api.request('GET', '/api/me', { token });
    const byCookie = await api.request('GET', '/api/me', { headers: { cookie: `other=1; qualflow_session=${token}` } });
    // then
    expect(byBearer.status).toBe(200);
    expect(byBearer.body).toMatchObject({ username: 'alice', roles: ['staff'], groups: ['quality'], managerId: manager.id });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.username).toBe('alice');
  });

  it('refuses a wrong password and an unknown user alike with 401, and audits both', async () => {
    // when
    const wrong = await api.request('POST', '/api/auth/login', { body: { username: 'carol', password: 'nope' } });
    const unknown = await api.request('POST', '/api/auth/login', { body: { username: 'nobody', password: 'nope' } });
    // then
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toBe(unknown.body.error);
    const audited = await api.db.auditEntry.findMany({ where: { action: 'auth.login-failed' } });
    expect(audited.map((a) => a.actor)).toEqual(expect.arrayContaining(['carol', 'nobody']));
  });

  it('throttles a username from one address after repeated failures, even with the right password', async () => {
    // given
    for (let i = 0; i < 3; i++) {
      await api.request('POST', '/api/auth/login', { body: { username: 'outsider', password: 'wrong' } });
    }
    // when
    const response = await api.request('POST', '/api/auth/login', { body: { username: 'outsider', password: PASSWORD } });
    // then
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rejects requests without a session, with an unknown token, and after logout', async () => {
    // given
    const token = await api.login('owner');
    // when
    const none = await api.request('GET', '/api/tasks');
    const forged = await api.request('GET', '/api/me', { token: 'x'.repeat(43) });
    const logout = await api.request('POST', '/api/auth/logout', { token });
    const after = await api.request('GET', '/api/me', { token });
    // then
    expect(none.status).toBe(401);
    expect(forged.status).toBe(401);
    expect(logout.status).toBe(204);
    expect(after.status).toBe(401);
  });

  it('rejects an expired session', async () => {
    // given
    const token = await api.login('carol');
    await api.db.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    // when
    const response = await api.request('GET', '/api/me', { token });
    // then
    expect(response.status).toBe(401);
  });

  it('validates the login body', async () => {
    // when
    const response = await api.request('POST', '/api/auth/login', { body: { username: '' } });
    // then
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['username', 'password']));
  });
});
