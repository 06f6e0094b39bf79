/**
 * Sessions: a login hands out a random 32-byte token and stores only its SHA-256, so a
 * copy of the database cannot be replayed as a login. Failed logins are audited and
 * throttled per username + address.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthUser, Db } from './context';
import { HttpError } from './errors';
import { type LoginRateLimiter, loginKey } from './login-rate-limit';
import { verifyAgainstDummy, verifyPassword } from './password';
import { loadAuthUser } from './user.service';
import { recordAudit } from './audit-entry';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginAttempt {
  username: string;
  password: string;
  ip?: string;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: AuthUser;
}

async function audit(db: Db, actor: string, action: string, details: Record<string, unknown>): Promise<void> {
  await recordAudit(db, { actor, action, details });
}

/**
 * Checks the credentials and opens a session. Throws HttpError 429 (with Retry-After)
 * when the username + address is throttled, 401 when the credentials are wrong.
 */
export async function login(db: Db, limiter: LoginRateLimiter, attempt: LoginAttempt): Promise<LoginResult> {
  const key = loginKey(attempt.username, attempt.ip);
  const wait = limiter.retryAfterSeconds(key);
  if (wait > 0) {
    await audit(db, attempt.username, 'auth.login-throttled', { ip: attempt.ip });
    throw new HttpError(429, 'Too many failed logins; try again later', { retryAfterSeconds: wait }, { 'Retry-After': String(wait) });
  }
  const row = await db.user.findUnique({ where: { username: attempt.username } });
  const valid = row ? await verifyPassword(attempt.password, row.passwordHash) : await verifyAgainstDummy(attempt.password);
  const user = valid && row ? await loadAuthUser(db, row.id) : null;
  if (!user) {
    limiter.recordFailure(key);
    const reason = !row ? 'unknown-user' : !valid ? 'wrong-password' : 'inactive-user';
    await audit(db, attempt.username, 'auth.login-failed', { ip: attempt.ip, reason });
    throw new HttpError(401, 'Invalid username or password');
  }
  limiter.reset(key);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.session.deleteMany({ where: { userId: user.id, expiresAt: { lt: new Date() } } });
  await db.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt } });
  await audit(db, user.username, 'auth.login', { ip: attempt.ip });
  return { token, expiresAt, user };
}

/** The user a token belongs to, or null when the token is unknown, expired or its user inactive. */
export async function resolveSession(db: Db, token: string): Promise<AuthUser | null> {
  const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return loadAuthUser(db, session.userId);
}

/** Ends the session of `token` (no error when it is already gone). */
export async function logout(db: Db, token: string, actor: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
  await audit(db, actor, 'auth.logout', {});
}
