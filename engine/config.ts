/**
 * Qualflow's configuration, read once from the environment. Every setting has an
 * embedded default so `npm start` works on a fresh machine.
 */
import { resolve } from 'node:path';

export interface QualflowConfig {
  /** HTTP port of the API and the front end. */
  port: number;
  /** Folder for the SQLite database, the Temporal dev server's database and caches. */
  dataDir: string;
  /** Port of the embedded Temporal dev server (its UI listens on this + 1000). */
  temporalPort: number;
  /** Address of an already running Temporal server; when set, no dev server is started. */
  temporalAddress?: string;
  temporalNamespace: string;
  /** Prisma datasource URL; defaults to a SQLite file in the data folder. */
  databaseUrl: string;
  demo: boolean;
  demoPassword: string;
  /** Folder where tools Qualflow installs itself (the Temporal CLI) are cached. */
  cacheDir: string;
}

/** Reads the configuration from `env` (default `process.env`). Throws on a malformed number. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): QualflowConfig {
  const dataDir = resolve(env.QUALFLOW_DATA_DIR ?? '.data');
  return {
    port: toPort(env.PORT, 3000, 'PORT'),
    dataDir,
    temporalPort: toPort(env.QUALFLOW_TEMPORAL_PORT, 7233, 'QUALFLOW_TEMPORAL_PORT'),
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    databaseUrl: env.DATABASE_URL ?? `file:${resolve(dataDir, 'qualflow.db')}`,
    demo: env.QUALFLOW_DEMO !== 'false',
    demoPassword: env.QUALFLOW_DEMO_PASSWORD ?? 'demo',
    cacheDir: resolve(env.QUALFLOW_CACHE_DIR ?? '.cache'),
  };
}

function toPort(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return port;
}
