/**
 * The one place a Prisma client is made. Every query in Qualflow goes through the
 * client this factory returns, so a second provider (PostgreSQL) only needs a branch here.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client';

export type Db = PrismaClient;

/** How long a writer waits for SQLite's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Creates a Prisma client for `databaseUrl`. Supports SQLite `file:` URLs (the file and its
 * folder are created when missing). The database is switched to WAL journaling, waits up to
 * 5 s for locks and enforces foreign keys.
 *
 * @throws Error when the URL scheme is not supported yet (PostgreSQL comes later).
 */
export function createDb(databaseUrl: string): Db {
  const path = sqliteFilePath(databaseUrl);
  if (path !== ':memory:') prepareSqliteFile(path);
  const adapter = new PrismaBetterSqlite3({ url: path, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

/**
 * Returns the file path of a SQLite `file:` URL (`file:./x.db`, `file:/abs/x.db`,
 * `file:x.db?connection_limit=1`), or `:memory:`.
 *
 * @throws Error for any other scheme, naming the schemes that are supported.
 */
export function sqliteFilePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) {
    const scheme = databaseUrl.split(':')[0] || '(none)';
    throw new Error(
      `DATABASE_URL scheme "${scheme}" is not supported yet: Qualflow currently runs on SQLite ` +
        `(DATABASE_URL=file:/path/to/qualflow.db). PostgreSQL support is planned.`,
    );
  }
  const path = databaseUrl.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0];
  if (path === '') throw new Error(`DATABASE_URL "${databaseUrl}" names no file`);
  return path;
}

/**
 * Creates the folder and sets the persistent pragmas once, before Prisma opens the file.
 * `journal_mode=WAL` is stored in the database file itself, so every later connection
 * (the adapter's included) uses it; foreign keys and the busy timeout are per connection
 * and are better-sqlite3's defaults (the adapter passes `timeout`).
 */
function prepareSqliteFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const connection = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    connection.pragma('journal_mode = WAL');
  } finally {
    connection.close();
  }
}
