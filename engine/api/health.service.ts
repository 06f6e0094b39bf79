import type { Client } from '@temporalio/client';
import type { Db } from './context';

export interface Health {
  status: 'ok' | 'unavailable';
  temporal: 'up' | 'down';
  database: 'up' | 'down';
}

/** Asks Temporal and the database whether they answer, each within `timeoutMs`. */
export async function checkHealth(db: Db, temporal: Client, timeoutMs = 2_000): Promise<Health> {
  const [temporalUp, databaseUp] = await Promise.all([
    temporal
      .withDeadline(Date.now() + timeoutMs, () => temporal.workflowService.getSystemInfo({}))
      .then(() => true, () => false),
    withTimeout(db.user.count().then(() => true), timeoutMs).catch(() => false),
  ]);
  return {
    status: temporalUp && databaseUp ? 'ok' : 'unavailable',
    temporal: temporalUp ? 'up' : 'down',
    database: databaseUp ? 'up' : 'down',
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
