import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../engine/db/migrate';
import { createMigration, diffDatabaseToSchema, diffMigrationsToSchema } from '../../engine/db/migration';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../../engine/db/schema-engine';

describe('database migrations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qualflow-migrations-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('build exactly prisma/schema.prisma when applied to an empty database', async () => {
    // given
    const file = join(dir, 'qualflow.db');
    // when
    await migrateDatabase(`file:${file}`);
    // then
    const drift = await diffDatabaseToSchema(file);
    expect(drift, 'the schema changed without a migration: run `npm run db:migration -- <name>`').toBeNull();
    expect(await diffMigrationsToSchema()).toBeNull();
  });

  it('apply nothing the second time', async () => {
    // given
    const url = `file:${join(dir, 'qualflow.db')}`;
    const first = await migrateDatabase(url);
    // when
    const second = await migrateDatabase(url);
    // then
    expect(first.applied.length).toBeGreaterThan(0);
    expect(second.applied).toEqual([]);
  });

  it('are recorded in _prisma_migrations as prisma migrate deploy records them', async () => {
    // given
    const file = join(dir, 'qualflow.db');
    const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    // when
    await migrateDatabase(`file:${file}`);
    // then
    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name').all() as Array<Record<string, unknown>>;
    sqlite.close();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const script = await readFile(join(MIGRATIONS_DIR, String(row.migration_name), 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(script).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('notice a schema change that has no migration yet', async () => {
    // given
    const schemaPath = join(dir, 'schema.prisma');
    await writeFile(schemaPath, (await readFile(SCHEMA_PATH, 'utf8')) + '\nmodel DriftProbe {\n  id String @id\n}\n');
    // when
    const drift = await diffMigrationsToSchema({ schemaPath });
    // then
    expect(drift).toContain('CREATE TABLE "DriftProbe"');
  });

  it('gain a new migration for a schema change, which then applies to an existing database', async () => {
    // given
    const migrationsDir = join(dir, 'migrations');
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const schemaPath = join(dir, 'schema.prisma');
    await writeFile(schemaPath, (await readFile(SCHEMA_PATH, 'utf8')) + '\nmodel DriftProbe {\n  id String @id\n}\n');
    const url = `file:${join(dir, 'qualflow.db')}`;
    await migrateDatabase(url, undefined, { migrationsDir });
    // when
    const created = await createMigration('Add drift probe', undefined, { migrationsDir, schemaPath });
    const again = await createMigration('nothing new', undefined, { migrationsDir, schemaPath });
    const { applied } = await migrateDatabase(url, undefined, { migrationsDir });
    // then
    expect(created).toMatch(/^\d{14}_add_drift_probe$/);
    expect(await readFile(join(migrationsDir, created!, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "DriftProbe"');
    expect(again).toBeNull();
    expect(applied).toEqual([created]);
    expect(await diffDatabaseToSchema(join(dir, 'qualflow.db'), schemaPath)).toBeNull();
  });
});
