/**
 * Applies the migrations in `prisma/migrations` to a database, offline, with Prisma's
 * WebAssembly schema engine. Each applied migration is recorded in `_prisma_migrations`
 * exactly as `prisma migrate deploy` records it, so both tools agree on the history.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sqliteFilePath } from './client';
import { MIGRATIONS_DIR, NO_FILTER, openSchemaEngine, readMigrationList } from './schema-engine';

export interface MigrateOptions {
  /** Folder holding the migrations; defaults to the project's `prisma/migrations`. */
  migrationsDir?: string;
}

/**
 * Applies every pending migration to the database at `databaseUrl` (created if missing)
 * and returns the names of the migrations it applied; running it again applies nothing.
 *
 * @throws Error when the URL is not a SQLite `file:` URL, when a migration fails (the
 * database then keeps it marked as failed, as `prisma migrate deploy` does), or when an
 * applied migration was edited or removed.
 */
export async function migrateDatabase(
  databaseUrl: string,
  log: (line: string) => void = () => {},
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const path = sqliteFilePath(databaseUrl);
  if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
  const migrationsList = await readMigrationList(options.migrationsDir ?? MIGRATIONS_DIR);
  const { engine, close } = await openSchemaEngine(path);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    for (const name of appliedMigrationNames) log(`Database: applied migration ${name}`);
    if (appliedMigrationNames.length === 0) {
      const count = migrationsList.migrationDirectories.length;
      log(`Database: up to date (${count} migration${count === 1 ? '' : 's'} already applied)`);
    }
    return { applied: appliedMigrationNames };
  } catch (error) {
    throw new Error(`Database migration failed for ${path}: ${messageOf(error)}`, { cause: error });
  } finally {
    await close();
  }
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The engine appends a Rust span trace ("   0: sql_schema_connector::...") after the message.
  return message.split(/\n\s+0: /)[0].trim();
}
