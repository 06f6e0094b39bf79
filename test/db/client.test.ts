import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../engine/db/client';
import { createTestDb, type TestDb } from '../support/db';

describe('createDb', () => {
  let testDb: TestDb | undefined;
  afterEach(async () => {
    await testDb?.cleanup();
    testDb = undefined;
  });

  it('opens a migrated SQLite file in WAL mode with foreign keys enforced', async () => {
    // given
    testDb = await createTestDb();
    // when
    const [journal] = await testDb.db.$queryRawUnsafe<Array<{ journal_mode: string }>>('PRAGMA journal_mode');
    const [foreignKeys] = await testDb.db.$queryRawUnsafe<Array<{ foreign_keys: bigint }>>('PRAGMA foreign_keys');
    // then
    expect(journal.journal_mode).toBe('wal');
    expect(Number(foreignKeys.foreign_keys)).toBe(1);
  });

  it('stores and reads rows through Prisma', async () => {
    // given
    testDb = await createTestDb();
    // when
    await testDb.db.group.create({ data: { name: 'quality' } });
    // then
    expect(await testDb.db.group.findMany({ select: { name: true } })).toEqual([{ name: 'quality' }]);
  });

  it('refuses a database URL scheme it does not support yet, naming it', () => {
    // when / then
    expect(() => createDb('postgres://qualflow@localhost/qualflow')).toThrow(/"postgres" is not supported yet/);
  });
});
