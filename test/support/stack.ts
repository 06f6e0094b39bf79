/**
 * The whole Qualflow stack in the test process, as `qualflow start` wires it, over the run's
 * shared Temporal dev server and workflow bundle:
 *
 *   fresh migrated SQLite --> (demo seed) --> worker on a unique task queue --> API + web app
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../../engine/api/app';
import { loadConfig } from '../../engine/config';
import type { Db } from '../../engine/db/client';
import { seedDemo } from '../../engine/seed';
import { connectTemporal } from '../../engine/temporal/connection';
import { createWorker } from '../../engine/worker';
import { createTestDb } from './db';
import { testTemporalAddress, testWorkflowBundle, uniqueTaskQueue } from './temporal';

export interface StackOptions {
  /** Seed the demo organisation and templates (users admin, owner, manager, alice, bob). */
  demo?: boolean;
  /** Password of the demo users (default `demo`). */
  password?: string;
  /** Built front end to serve at / (default designer/dist); `false` serves the API only. */
  staticDir?: string | false;
}

export interface Stack {
  /** `http://127.0.0.1:<port>`, the API under /api and the web app at /. */
  baseUrl: string;
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Stops the API and the worker, and deletes the database. */
  stop(): Promise<void>;
}

/** Starts the stack; remember `stop()`. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const { db, cleanup } = await createTestDb();
  if (options.demo) await seedDemo(db, { password: options.password ?? 'demo' });
  const address = testTemporalAddress();
  const taskQueue = uniqueTaskQueue('stack');

  const workerConnection = await NativeConnection.connect({ address });
  const worker = await createWorker({ connection: workerConnection, namespace: 'default', taskQueue, db, workflowBundle: testWorkflowBundle() });
  const workerDone = worker.run();

  const temporal = await connectTemporal(address, 'default');
  const staticDir = options.staticDir === false ? undefined : (options.staticDir ?? resolve('designer/dist'));
  // The UI address `npm start` links admins to on its default ports (engine/config.ts).
  const temporalUiUrl = loadConfig({}).temporalUiUrl;
  const app = createApp({ db, temporal: temporal.client, taskQueue, staticDir, log: () => {}, temporalUiUrl });
  const server = await new Promise<Server>((ready) => {
    const listening = createServer(app).listen(0, '127.0.0.1', () => ready(listening));
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    temporal: temporal.client,
    taskQueue,
    async stop() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await temporal.close();
      worker.shutdown();
      await workerDone;
      await workerConnection.close();
      await cleanup();
    },
  };
}
