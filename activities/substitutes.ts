/**
 * Out of office: while a user is away, their substitute takes new tasks and escalations
 * meant for them. One lookup, used wherever a task is handed to someone.
 */
import type { Db } from '../engine/db/client';

/** The substitute standing in for `username` at `at`, or undefined when they are not away. */
export async function substituteFor(db: Db, username: string, at: Date): Promise<string | undefined> {
  const away = await db.substitution.findFirst({
    where: { username, startsAt: { lte: at }, endsAt: { gt: at } },
    orderBy: { createdAt: 'desc' },
    select: { substitute: true },
  });
  return away?.substitute;
}
