/**
 * A real Qualflow API on a random port over a fresh migrated SQLite database, and a
 * tiny fetch-based client for it. Temporal is either the test run's dev server or an
 * address nothing listens on (to see the API answer 503). With `worker: true` a Qualflow
 * worker on the API's task queue runs the instances too, until `close()`.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createApp, type CreateAppOptions } from '../../../engine/api/app';
import { listen } from '../../../engine/api/server';
import { hashPassword } from '../../../engine/api/password';
import type { Db } from '../../../engine/db/client';
import { createWorker } from '../../../engine/worker';
import { createTestDb } from '../../support/db';
import { freePort } from '../../support/ports';
import { testWorkflowBundle } from '../../support/temporal';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for XML or malformed bodies). */
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  url: string;
  db: Db;
  temporal: Client;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Logs in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<Omit<CreateAppOptions, 'db' | 'temporal'>> {
  /** `host:port` of a Temporal server; omitted = an address where nothing listens. */
  temporalAddress?: string;
  log?: (line: string) => void;
  /**
   * Also runs a worker (the run's workflow bundle, namespace `default`) on `taskQueue`
   * against `temporalAddress` and this database; both must be given. `close()` stops it
   * before the API.
   */
  worker?: boolean;
}

export const PASSWORD = 'correct horse';

/**
 * Starts the API (and, with `worker: true`, a worker); remember `close()`.
 *
 * @throws Error when `worker` is set without `temporalAddress` and `taskQueue`.
 */
export async function startApi(options: HarnessOptions = {}): Promise<ApiHarness> {
  if (options.worker && !(options.temporalAddress && options.taskQueue)) {
    throw new Error('startApi: `worker: true` needs `temporalAddress` and `taskQueue`');
  }
  const { db, cleanup } = await createTestDb();
  const address = options.temporalAddress ?? `127.0.0.1:${await freePort()}`;
  const connection = options.temporalAddress ? await Connection.connect({ address }) : Connection.lazy({ address });
  const temporal = new Client({ connection });
  const app = createApp({
    db,
    temporal,
    taskQueue: options.taskQueue ?? 'api-test',
    log: options.log ?? (() => {}),
    timeouts: options.timeouts ?? (options.temporalAddress ? undefined : { startMs: 700, updateMs: 700, queryMs: 300, signalMs: 700 }),
    loginRateLimit: options.loginRateLimit,
    staticDir: options.staticDir,
    temporalUiUrl: options.temporalUiUrl,
  });
  const server = await listen(app, 0, '127.0.0.1');
  let stopWorker = async () => {};
  if (options.worker) {
    try {
      stopWorker = await startWorker(options.temporalAddress!, options.taskQueue!, db);
    } catch (error) {
      await server.close();
      await connection.close();
      await cleanup();
      throw error;
    }
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) {
      body = opts.rawBody;
      headers['content-type'] = opts.contentType ?? 'application/json';
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = opts.contentType ?? 'application/json';
    }
    const response = await fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  return {
    url: server.url,
    db,
    temporal,
    request,
    async login(username, password = PASSWORD) {
      const response = await request<{ token: string }>('POST', '/api/auth/login', { body: { username, password } });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${response.text}`);
      return response.body.token;
    },
    async close() {
      await stopWorker();
      await server.close();
      await connection.close();
      await cleanup();
    },
  };
}

/** Starts a worker on `taskQueue`; returns what stops it and closes its connection. */
async function startWorker(address: string, taskQueue: string, db: Db): Promise<() => Promise<void>> {
  const connection = await NativeConnection.connect({ address });
  try {
    const worker = await createWorker({ connection, namespace: 'default', taskQueue, db, workflowBundle: testWorkflowBundle() });
    const running = worker.run();
    return async () => {
      worker.shutdown();
      await running;
      await connection.close();
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

export interface Person {
  id: string;
  username: string;
}

let passwordHash: Promise<string> | undefined;

/**
 * The cast of the authorisation tests: admin, owner, a manager with two reports
 * (alice in `quality`, bob in `document-control`), carol (quality, no manager) and
 * an outsider in no group. All share PASSWORD, hashed once per test file (scrypt is
 * deliberately slow); `createUser` itself is tested in users.test.ts.
 */
export async function seedPeople(db: Db): Promise<Record<'admin' | 'owner' | 'manager' | 'alice' | 'bob' | 'carol' | 'outsider', Person>> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const make = (username: string, roles: string[], groups: string[], managerId?: string) =>
    db.user.create({
      data: {
        username,
        name: username,
        email: `${username}@example.com`,
        passwordHash: hash,
        roles: roles.join(','),
        managerId: managerId ?? null,
        memberships: { create: groups.map((name) => ({ group: { connectOrCreate: { where: { name }, create: { name } } } })) },
      },
    });
  const admin = await make('admin', ['admin'], []);
  const owner = await make('owner', ['owner'], ['quality']);
  const manager = await make('manager', ['manager'], ['management']);
  const alice = await make('alice', ['staff'], ['quality'], manager.id);
  const bob = await make('bob', ['staff'], ['document-control'], manager.id);
  const carol = await make('carol', ['staff'], ['quality']);
  const outsider = await make('outsider', ['staff'], []);
  return { admin, owner, manager, alice, bob, carol, outsider };
}
