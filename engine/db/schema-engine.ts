/**
 * Prisma's schema engine, compiled to WebAssembly (`@prisma/schema-engine-wasm`), driven
 * through the better-sqlite3 driver adapter. This is what lets Qualflow create and apply
 * migrations offline, without the native engine the Prisma CLI would download.
 *
 *   migrations folder + schema.prisma --> SchemaEngine (wasm) --> driver adapter --> SQLite
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the committed schema and migrations live. */
export const SCHEMA_PATH = resolve(projectRoot, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = resolve(projectRoot, 'prisma/migrations');
export const MIGRATION_LOCK_FILE = 'migration_lock.toml';
const MIGRATION_FILE = 'migration.sql';

/** Qualflow manages every table in the schema; nothing is external. */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

/** Instantiates the engine's WebAssembly module once per process (the bindings hold it globally). */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(bindingsPath.replace(/\.js$/, '.wasm'));
    const imports = { './schema_engine_bg.js': wasmBindings } as unknown as WebAssembly.Imports;
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  })();
  return wasmReady;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every SQLite connection it opened. */
  close(): Promise<void>;
}

/**
 * Opens a schema engine on the SQLite file at `sqlitePath` (`:memory:` for pure diffs),
 * with the Prisma schema at `schemaPath` as its datamodel. Shadow databases are in memory.
 */
export async function openSchemaEngine(sqlitePath: string, schemaPath = SCHEMA_PATH): Promise<OpenEngine> {
  await loadWasm();
  const schema = await readFile(schemaPath, 'utf8');
  const opened: SqlDriverAdapter[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory(trackingFactory(new PrismaBetterSqlite3({ url: sqlitePath }), opened));
  const engine = await wasmBindings.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, factory);
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
    },
  };
}

/**
 * Wraps the adapter factory so that connections are remembered (to close them) and so the
 * shadow database accepts whole migration scripts: the engine replays each migration file
 * on the shadow database with one `executeRaw`, and better-sqlite3 prepares one statement
 * at a time, so a multi-statement script without parameters falls back to `executeScript`.
 */
function trackingFactory(
  inner: SqlMigrationAwareDriverAdapterFactory,
  opened: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const adapter = await inner.connectToShadowDb();
      opened.push(adapter);
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        try {
          return await executeRaw(query);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          await adapter.executeScript(query.sql);
          return 0;
        }
      };
      return adapter;
    },
  };
}

/** Reads a migrations folder the way Prisma does: one sub-folder per migration, sorted by name. */
export async function readMigrationList(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockContent = await readFile(join(migrationsDir, MIGRATION_LOCK_FILE), 'utf8').catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: MIGRATION_FILE,
        content: await readFile(join(migrationsDir, name, MIGRATION_FILE), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        ),
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}
