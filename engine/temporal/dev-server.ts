/**
 * Starts `temporal server start-dev` as a child process and waits until it serves.
 * The server gets Qualflow's search attributes, a SQLite file tuned for throughput (WAL,
 * synchronous=normal) when a file is given, and random free HTTP and metrics ports (the
 * CLI's defaults), so several servers can run side by side on different gRPC ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { SEARCH_ATTRIBUTES, waitForTemporal } from './connection';

export interface DevServerOptions {
  /** Path of the Temporal CLI binary (see `locateTemporalCli`). */
  cliPath: string;
  /** gRPC port of the frontend. */
  port: number;
  /** Web UI port; `false` (the default) runs headless. */
  uiPort?: number | false;
  /** SQLite file for persistent state; omitted means in memory (lost on stop). */
  dbFile?: string;
  log?: (line: string) => void;
  /** Extra namespace to create ("default" always exists). */
  namespace?: string;
  /** How long to wait for the server to become healthy (default 60 s). */
  startTimeoutMs?: number;
}

export interface DevServer {
  /** `host:port` of the gRPC frontend. */
  address: string;
  /** Stops the server: SIGTERM, then SIGKILL after 10 s. Safe to call twice. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const OUTPUT_LINES_KEPT = 40;

/**
 * Starts a Temporal dev server and resolves once it answers health checks.
 *
 * @throws Error when the port (or UI port) is already taken, or when the server exits or
 * is not healthy within the timeout; the message carries the tail of the server's output.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { cliPath, port, uiPort = false, dbFile, log = () => {}, namespace } = options;
  await assertPortFree(port, 'Temporal gRPC port', 'QUALFLOW_TEMPORAL_PORT');
  if (uiPort !== false) await assertPortFree(uiPort, 'Temporal UI port', 'QUALFLOW_TEMPORAL_PORT');

  const args = ['server', 'start-dev', '--ip', HOST, '--port', String(port)];
  args.push(...(uiPort === false ? ['--headless'] : ['--ui-port', String(uiPort)]));
  if (dbFile) {
    mkdirSync(dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  if (namespace && namespace !== 'default') args.push('--namespace', namespace);

  const address = `${HOST}:${port}`;
  log(`Temporal: starting dev server on ${address}${uiPort === false ? ' (headless)' : `, UI on http://localhost:${uiPort}`}${dbFile ? `, data in ${dbFile}` : ', in memory'}`);
  // Own process group: Ctrl-C in the terminal reaches Qualflow, which then stops the server last.
  const child = spawn(cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output = keepTail(child);
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  child.on('error', (error) => (exited = `could not be started: ${error.message}`));
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    await terminate(child);
  };
  try {
    await waitForTemporal(address, {
      namespace: namespace ?? 'default',
      timeoutMs: options.startTimeoutMs ?? 60_000,
      abort: () => (exited ? `Temporal dev server ${exited}` : undefined),
    });
  } catch (error) {
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- temporal server output (last lines) ---\n${output() || '(none)'}`);
  }
  log(`Temporal: dev server ready on ${address}`);
  return { address, stop };
}

/** Fails with a clear message when something already listens on `port`. */
async function assertPortFree(port: number, what: string, setting: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: HOST, exclusive: true }, () => probe.close(() => resolve(true)));
  });
  if (!free) {
    throw new Error(
      `${what} ${port} is already in use by another process. Stop that process, choose another port ` +
        `(${setting}), or point TEMPORAL_ADDRESS at a Temporal server that is already running.`,
    );
  }
}

/** Collects the last lines the child printed, for error messages. */
function keepTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter((line) => line.trim() !== ''));
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return () => lines.join('\n');
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exit;
  clearTimeout(timer);
}
