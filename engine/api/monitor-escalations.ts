/**
 * Reminders and escalations that fired (TaskEscalation), narrowed to the instances the
 * caller may see. TaskEscalation rows have no relation to filter through, so the
 * instances of the events are checked against the instance scope in batches.
 */
import { instanceScope } from './access';
import type { AuthUser, Db } from './context';

const BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface EscalationRow {
  id: string;
  taskId: string;
  instanceId: string;
  processKey: string;
  kind: string;
  level: number;
  at: Date;
}

/** The ids among `instanceIds` that `user` may see. */
async function visibleInstances(db: Db, user: AuthUser, instanceIds: string[]): Promise<Set<string> | undefined> {
  const scope = instanceScope(user);
  if (!scope) return undefined;
  const visible = new Set<string>();
  for (let start = 0; start < instanceIds.length; start += BATCH) {
    const rows = await db.instance.findMany({
      where: { AND: [{ id: { in: instanceIds.slice(start, start + BATCH) } }, scope] },
      select: { id: true },
    });
    for (const row of rows) visible.add(row.id);
  }
  return visible;
}

/** The events of the last `days` days before `now` that `user` may see, newest first. */
export async function visibleEscalations(db: Db, user: AuthUser, query: { days: number; processKey?: string }, now: Date): Promise<EscalationRow[]> {
  const rows = await db.taskEscalation.findMany({
    where: { at: { gte: new Date(now.getTime() - query.days * DAY_MS), lte: now }, ...(query.processKey && { processKey: query.processKey }) },
    select: { id: true, taskId: true, instanceId: true, processKey: true, kind: true, level: true, at: true },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
  });
  const visible = await visibleInstances(db, user, [...new Set(rows.map((row) => row.instanceId))]);
  return visible ? rows.filter((row) => visible.has(row.instanceId)) : rows;
}

/** Totals over 7 and 30 days, in all and per process (most in 30 days first). */
export function escalationCounts(rows: EscalationRow[], now: Date) {
  const weekAgo = now.getTime() - 7 * DAY_MS;
  const byProcess = new Map<string, { last7Days: number; last30Days: number }>();
  let last7Days = 0;
  for (const row of rows) {
    const counts = byProcess.get(row.processKey) ?? { last7Days: 0, last30Days: 0 };
    counts.last30Days += 1;
    if (row.at.getTime() >= weekAgo) {
      counts.last7Days += 1;
      last7Days += 1;
    }
    byProcess.set(row.processKey, counts);
  }
  return {
    last7Days,
    last30Days: rows.length,
    byProcess: [...byProcess]
      .map(([processKey, counts]) => ({ processKey, ...counts }))
      .sort((a, b) => b.last30Days - a.last30Days || a.processKey.localeCompare(b.processKey)),
  };
}
