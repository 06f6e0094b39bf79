/**
 * A fresh, migrated SQLite database per test (file), built with the real migrations.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '../../engine/db/client';
import { migrateDatabase } from '../../engine/db/migrate';

export interface TestDb {
  db: Db;
  url: string;
  /** Disconnects and deletes the database folder. */
  cleanup(): Promise<void>;
}

/** Creates a SQLite file in a new temp folder, applies every migration and connects Prisma to it. */
export async function createTestDb(): Promise<TestDb> {
  const dir = await mkdtemp(join(tmpdir(), 'qualflow-db-'));
  const url = `file:${join(dir, 'qualflow.db')}`;
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    db,
    url,
    async cleanup() {
      await db.$disconnect();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
