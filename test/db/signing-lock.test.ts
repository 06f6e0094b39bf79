/**
 * The signing lock is counted from the audit trail, so it holds across API processes and
 * restarts: five refused signings in 15 minutes lock signing for the rest of the window,
 * attempts made while locked do not extend it, and a good signature starts the count again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signingLockSeconds, SIGNING_WINDOW_MS } from '../../engine/api/signing-lock';
import { createDb, type Db } from '../../engine/db/client';
import { createTestDb, type TestDb } from '../support/db';

const NOW = new Date('2026-12-03T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe('the signing lock', () => {
  let test: TestDb;
  let db: Db;
  let entry = 0;
  beforeEach(async () => {
    test = await createTestDb();
    db = test.db;
  });
  afterEach(async () => test.cleanup());

  const failed = (username: string, at: Date, reason = 'wrong-password') =>
    db.auditEntry.create({ data: { id: `f${(entry += 1)}`, at, actor: username, action: 'signature.failed', details: JSON.stringify({ reason, elementId: 'Approve' }) } });

  it('locks after five refused signings within the window, until the oldest of them leaves it', async () => {
    // given
    for (const minutes of [14, 10, 6, 3]) await failed('carol', minutesAgo(minutes));
    expect(await signingLockSeconds(db, 'carol', NOW), 'four are allowed').toBe(0);
    // when
    await failed('carol', minutesAgo(1));
    // then locked for the minute the oldest counted failure (14 min ago) still has in the window
    expect(await signingLockSeconds(db, 'carol', NOW)).toBe(60);
    expect(await signingLockSeconds(db, 'dave', NOW), 'others still sign').toBe(0);
    expect(await signingLockSeconds(db, 'carol', new Date(NOW.getTime() + 61_000)), 'a minute later four are left in the window').toBe(0);
  });

  it('is seen by another process on the same database, as after a restart', async () => {
    // given
    for (let i = 0; i < 5; i++) await failed('carol', minutesAgo(5 - i));
    // when
    const other = createDb(test.url);
    try {
      // then
      expect(await signingLockSeconds(other, 'carol', NOW)).toBe(10 * 60);
    } finally {
      await other.$disconnect();
    }
  });

  it('does not count attempts made while locked, nor failures older than the window', async () => {
    // given
    await failed('carol', new Date(NOW.getTime() - SIGNING_WINDOW_MS - 1000));
    for (let i = 0; i < 4; i++) await failed('carol', minutesAgo(4 - i));
    for (let i = 0; i < 3; i++) await failed('carol', minutesAgo(0.5), 'locked');
    // when / then
    expect(await signingLockSeconds(db, 'carol', NOW)).toBe(0);
  });

  it('starts the count again after a good signature', async () => {
    // given
    for (const minutes of [9, 8, 7]) await failed('carol', minutesAgo(minutes));
    await db.signature.create({ data: { taskId: 't1', instanceId: 'i1', username: 'carol', printedName: 'Carol', meaning: 'approved', signedAt: minutesAgo(6), recordHash: 'h' } });
    for (const minutes of [5, 4, 3, 2]) await failed('carol', minutesAgo(minutes));
    // when / then: four since the good signature
    expect(await signingLockSeconds(db, 'carol', NOW)).toBe(0);
    await failed('carol', minutesAgo(1));
    expect(await signingLockSeconds(db, 'carol', NOW)).toBe(10 * 60);
  });
});
