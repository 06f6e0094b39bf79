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
  /**
   * The Temporal web UI admins are linked to from an instance page: `QUALFLOW_TEMPORAL_UI_URL`,
   * or the embedded dev server's UI (the Temporal port + 1000); none for a cluster named by
   * `TEMPORAL_ADDRESS` unless given, since its UI lives wherever its operators put it.
   */
  temporalUiUrl?: string;
  /** Prisma datasource URL; defaults to a SQLite file in the data folder. */
  databaseUrl: string;
  demo: boolean;
  demoPassword: string;
  /** Folder where tools Qualflow installs itself (the Temporal CLI) are cached. */
  cacheDir: string;
  /** Outgoing mail: SMTP (absent = mail goes to the outbox table), sender, links, digest time. */
  mail: MailConfig;
}

/** Reads the configuration from `env` (default `process.env`). Throws on a malformed number. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): QualflowConfig {
  const dataDir = resolve(env.QUALFLOW_DATA_DIR ?? '.data');
  const temporalPort = toPort(env.QUALFLOW_TEMPORAL_PORT, 7233, 'QUALFLOW_TEMPORAL_PORT');
  const temporalAddress = env.TEMPORAL_ADDRESS || undefined;
  return {
    port: toPort(env.PORT, 3000, 'PORT'),
    dataDir,
    temporalPort,
    temporalAddress,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    temporalUiUrl: env.QUALFLOW_TEMPORAL_UI_URL || (temporalAddress ? undefined : `http://localhost:${temporalPort + 1000}`),
    databaseUrl: env.DATABASE_URL ?? `file:${resolve(dataDir, 'qualflow.db')}`,
    demo: env.QUALFLOW_DEMO !== 'false',
    demoPassword: env.QUALFLOW_DEMO_PASSWORD ?? 'demo',
    cacheDir: resolve(env.QUALFLOW_CACHE_DIR ?? '.cache'),
    mail: loadMailConfig(env, toPort(env.PORT, 3000, 'PORT')),
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

/** SMTP connection; secrets come only from the environment. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
}

export interface MailConfig {
  /** Absent when `QUALFLOW_SMTP_HOST` is not set: mail is kept in the outbox for admins to read. */
  smtp?: SmtpConfig;
  /** The From address, e.g. `Qualflow <qualflow@example.com>`. */
  from: string;
  /** Base URL of the web app, for links in mail. */
  publicUrl: string;
  /** Hour of the day (0-23) the daily digest goes out, in `digestTimeZone`. */
  digestHour: number;
  digestTimeZone: string;
}

/**
 * Reads the mail settings: `QUALFLOW_SMTP_HOST`, `_PORT` (587, or 465 when `_SECURE=true`),
 * `_USER`, `_PASSWORD`, `_FROM`, `_SECURE`; `QUALFLOW_PUBLIC_URL` (default
 * `http://localhost:<port>`); `QUALFLOW_DIGEST_HOUR` (7) and `QUALFLOW_DIGEST_TIME_ZONE` (UTC).
 */
export function loadMailConfig(env: NodeJS.ProcessEnv = process.env, httpPort = 3000): MailConfig {
  const secure = env.QUALFLOW_SMTP_SECURE === 'true';
  const host = env.QUALFLOW_SMTP_HOST?.trim();
  const hour = env.QUALFLOW_DIGEST_HOUR ? Number(env.QUALFLOW_DIGEST_HOUR) : 7;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new Error(`QUALFLOW_DIGEST_HOUR must be an hour 0-23, got "${env.QUALFLOW_DIGEST_HOUR}"`);
  }
  return {
    smtp: host
      ? {
          host,
          port: toPort(env.QUALFLOW_SMTP_PORT, secure ? 465 : 587, 'QUALFLOW_SMTP_PORT'),
          secure,
          user: env.QUALFLOW_SMTP_USER || undefined,
          password: env.QUALFLOW_SMTP_PASSWORD || undefined,
        }
      : undefined,
    from: env.QUALFLOW_SMTP_FROM || 'Qualflow <qualflow@localhost>',
    publicUrl: (env.QUALFLOW_PUBLIC_URL || `http://localhost:${httpPort}`).replace(/\/+$/, ''),
    digestHour: hour,
    digestTimeZone: env.QUALFLOW_DIGEST_TIME_ZONE || 'UTC',
  };
}
