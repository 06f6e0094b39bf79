/**
 * Signing locks after repeated wrong credentials (21 CFR Part 11 §11.300(d)): 5 refused
 * signings within 15 minutes lock signing for the rest of that window; a good signature
 * starts the count again. The count is read from the audit trail itself (the
 * `signature.failed` entries), so every API process and every restart sees the same lock,
 * and it is exactly what an inspector reads in the trail.
 */
import type { Db } from './context';

export const SIGNING_MAX_FAILURES = 5;
export const SIGNING_WINDOW_MS = 15 * 60_000;

/** The audit reason of an attempt made while locked: refused unchecked, so not counted. */
export const LOCKED_REASON = 'locked';

/** Seconds until `username` may sign again, or 0 when they may sign now. */
export async function signingLockSeconds(db: Db, username: string, now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - SIGNING_WINDOW_MS);
  const lastGood = await db.signature.findFirst({ where: { username, signedAt: { gt: windowStart } }, orderBy: { signedAt: 'desc' }, select: { signedAt: true } });
  const failures = await db.auditEntry.findMany({
    where: {
      actor: username,
      action: 'signature.failed',
      at: { gt: lastGood?.signedAt ?? windowStart },
      NOT: { details: { contains: `"reason":"${LOCKED_REASON}"` } },
    },
    orderBy: { at: 'desc' },
    take: SIGNING_MAX_FAILURES,
    select: { at: true },
  });
  if (failures.length < SIGNING_MAX_FAILURES) return 0;
  const oldestCounted = failures[SIGNING_MAX_FAILURES - 1].at.getTime();
  return Math.max(1, Math.ceil((oldestCounted + SIGNING_WINDOW_MS - now.getTime()) / 1000));
}
