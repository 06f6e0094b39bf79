/**
 * "Has anything in my task list changed?" as a short fingerprint of the tasks a user may
 * see: how many are open, how many of those are claimed and how many are mine, the
 * newest one, and the latest completion. Tasks are written by the worker (maybe another
 * process), so the API compares fingerprints instead of listening to an in-process bus.
 *
 * Working out a fingerprint means four queries through the user's scope, so each check
 * first reads the version the database bumps on every write to a task or its candidates
 * (`tasksVersion`, one primary-key read), and works the fingerprint out only when it moved.
 */
import type { Prisma } from '../db/generated/client';
import { taskScope } from './access';
import type { AuthUser, Db } from './context';

function within(user: AuthUser, condition: Prisma.TaskWhereInput): Prisma.TaskWhereInput {
  const scope = taskScope(user);
  return scope ? { AND: [condition, scope] } : condition;
}

/** A number that changes whenever any task or task candidate is written, by anyone. */
export async function tasksVersion(db: Db): Promise<number> {
  const row = await db.tableVersion.findUnique({ where: { table: 'Task' } });
  return row?.version ?? 0;
}

/** A string that changes when a task the user may see opens, is claimed or given back, is reassigned or closes. */
export async function taskFingerprint(db: Db, user: AuthUser): Promise<string> {
  const [open, claimed, mine, closed] = await Promise.all([
    db.task.aggregate({ where: within(user, { state: 'open' }), _count: { _all: true }, _max: { createdAt: true } }),
    db.task.count({ where: within(user, { state: 'open', assignee: { not: null } }) }),
    db.task.count({ where: { state: 'open', assignee: user.username } }),
    db.task.aggregate({ where: within(user, { state: { not: 'open' } }), _max: { completedAt: true } }),
  ]);
  const time = (value: Date | null | undefined) => value?.getTime() ?? 0;
  return [open._count._all, claimed, mine, time(open._max.createdAt), time(closed._max.completedAt)].join('-');
}
