/**
 * Connections to a Temporal server: a `Client` for the API, a `NativeConnection` for
 * workers, and the health wait both the launcher and `qualflow start` use.
 */
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';

/** Search attributes the engine sets on every instance, registered on the server. */
export const SEARCH_ATTRIBUTES = {
  QualflowProcessKey: 'Keyword',
  QualflowBusinessKey: 'Keyword',
} as const;

export interface TemporalClient {
  connection: Connection;
  client: Client;
  /** Closes the connection. */
  close(): Promise<void>;
}

/**
 * Connects a Temporal `Client` (for the API) to `address` in `namespace`.
 *
 * @throws Error when the server cannot be reached within 10 s.
 */
export async function connectTemporal(address: string, namespace = 'default'): Promise<TemporalClient> {
  const connection = await Connection.connect({ address, connectTimeout: '10s' }).catch((error: Error) => {
    throw new Error(`Cannot reach the Temporal server at ${address}: ${error.message}`, { cause: error });
  });
  const client = new Client({ connection, namespace });
  return { connection, client, close: () => connection.close() };
}

/**
 * Connects a `NativeConnection` (for workers) to `address`.
 *
 * @throws Error when the server cannot be reached.
 */
export async function connectWorkerConnection(address: string): Promise<NativeConnection> {
  return NativeConnection.connect({ address }).catch((error: Error) => {
    throw new Error(`Cannot reach the Temporal server at ${address}: ${error.message}`, { cause: error });
  });
}

/**
 * Installs the worker runtime for Qualflow's own processes: SDK logs at `level` (default
 * WARN; the bundler and worker state changes log at INFO) and no signal handlers of its own,
 * so Ctrl-C reaches Qualflow's shutdown, which stops the worker in order. Must run before
 * the first worker or `NativeConnection`; later calls do nothing.
 */
export function installWorkerRuntime(level: LogLevel = 'WARN'): void {
  try {
    Runtime.install({ logger: new DefaultLogger(level), shutdownSignals: [] });
  } catch {
    // Already installed (e.g. a second call in the same process): keep the first.
  }
}

/**
 * Asks the server at `address` once whether it serves and knows `namespace`.
 * Returns undefined when it does, or the reason it does not.
 */
export async function checkTemporalHealth(address: string, namespace = 'default'): Promise<string | undefined> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: '1s' });
    const health = await connection.healthService.check({});
    if (health.status !== 1) return `health status ${health.status}`;
    await connection.workflowService.describeNamespace({ namespace });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await connection?.close().catch(() => {});
  }
}

/**
 * Waits until the server at `address` is healthy and knows `namespace`.
 *
 * @throws Error after `timeoutMs` (default 30 s), with the last reason it was not ready;
 * or as soon as `abort()` returns a reason (e.g. the server process died).
 */
export async function waitForTemporal(
  address: string,
  options: { namespace?: string; timeoutMs?: number; abort?: () => string | undefined } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let reason: string | undefined = 'not checked yet';
  while (Date.now() < deadline) {
    const aborted = options.abort?.();
    if (aborted) throw new Error(aborted);
    reason = await checkTemporalHealth(address, options.namespace);
    if (reason === undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Temporal server at ${address} not ready after ${options.timeoutMs ?? 30_000} ms: ${reason}`);
}

/**
 * Registers Qualflow's search attributes in `namespace` when missing (for a server Qualflow
 * did not start; the dev server gets them on its command line).
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = Object.keys(SEARCH_ATTRIBUTES).filter((name) => !customAttributes?.[name]);
  if (missing.length === 0) return [];
  const KEYWORD = 2; // temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])),
  });
  return missing;
}
