/**
 * After completing a task: the same user's next task in the same instance, if the
 * process opened one assigned to them (a task offered to a group is not yet anyone's).
 */
import { listTasks } from '../api/endpoints';
import type { TaskQuery, User } from '../api/types';
import { queriesForTab } from './task-queries';

const ATTEMPTS = 4;
const PAUSE_MS = 400;

/**
 * The id of my next open task in `instanceId` other than `doneId`, or null. The process
 * writes the next task a moment after the completion returns, so it asks a few times.
 */
export async function findNextTask(instanceId: string, doneId: string, user: Pick<User, 'groups'>): Promise<string | null> {
  const queries = queriesForTab('mine', user).map((query) => ({ ...query, instanceId }));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const pages = await Promise.all(queries.map((query) => listTasks(query as TaskQuery)));
    const next = pages.flatMap((page) => page.items).find((task) => task.id !== doneId);
    if (next) return next.id;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return null;
}
