/** What the activities need from the outside world, injected by the worker. */
import type { Client } from '@temporalio/client';
import type { Db } from '../engine/db/client';
import type { ServiceTaskHandler } from './handlers';

export interface ActivityDependencies {
  db: Db;
  /** The current time (tests may pin it); defaults to the system clock. */
  clock?: () => Date;
  /** Service-task handlers by task type; defaults to the built-in registry. */
  handlers?: Record<string, ServiceTaskHandler>;
  /** Delivers published messages and signals to instances (publishMessage, broadcastSignal); without it they fail. */
  temporal?: Client;
  /** The task queue instances started by messages and signals run on; defaults to `qualflow`. */
  taskQueue?: string;
}

/** Stores a JSON payload as a string (the schema keeps JSON in text columns). */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? {});
}
