/**
 * The Qualflow worker: runs the interpreter workflow and the activities on one task queue.
 * Scale out by starting more workers on the same queue.
 */
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities, serviceTaskHandlers, type ServiceTaskHandler } from '../activities';
import { createMailActivities } from '../activities/notifications/activities';
import type { Db } from './db/client';

/** Absolute path of the interpreter's entry point, for the workflow bundler. */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  /** A bundle made ahead (see `bundleWorkflows`); without it the worker bundles the workflows itself. */
  workflowBundle?: { codePath: string } | { code: string };
  /** Service-task handlers by task type; defaults to the built-in registry (`qualflow:notify`...). */
  handlers?: Record<string, ServiceTaskHandler>;
}

/**
 * Creates (does not start) a worker for the interpreter workflow and the activities.
 * Call `run()` or `runUntil()` on it; `shutdown()` stops it.
 *
 * @throws Error when the workflows cannot be bundled or the server cannot be reached.
 */
export async function createWorker(options: WorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, db, workflowBundle, handlers = serviceTaskHandlers } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    // Messages and signals published by a process reach other instances through this client.
    activities: { ...createActivities({ db, handlers, temporal: new Client({ connection, namespace }), taskQueue }), ...createMailActivities({ db }) },
  });
}

/** Bundles the interpreter workflows once (e.g. to share one bundle between several workers). */
export async function bundleWorkflows(): Promise<{ code: string }> {
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH });
  return { code };
}
