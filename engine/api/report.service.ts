/**
 * Reports over the task read model. The overdue report groups the open tasks past their
 * due date that the caller may see (the same scope as the task list) by process, by
 * assignee (unassigned: by candidate group) and by how long they are overdue.
 */
import type { z } from 'zod';
import { taskScope } from './access';
import type { AuthUser, Db } from './context';
import { AGE_BANDS, type OverdueItem, type OverdueReport } from './schemas/report.schemas';
import { overdueAt } from './task-query';

type Item = z.output<typeof OverdueItem>;
type Report = z.output<typeof OverdueReport>;
type Tally = { count: number; oldest: Item };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Counts `item` into the group `key`; items arrive oldest due first, so the first one stays the oldest. */
function tally<K>(groups: Map<K, Tally>, key: K, item: Item): void {
  const group = groups.get(key);
  if (group) group.count += 1;
  else groups.set(key, { count: 1, oldest: item });
}

const byCountThenAge = (a: Tally, b: Tally) => b.count - a.count || a.oldest.dueAt.localeCompare(b.oldest.dueAt);

/** The overdue report at `now` for what `user` may see, optionally for one process. */
export async function overdueReport(db: Db, user: AuthUser, query: { processKey?: string }, now = new Date()): Promise<Report> {
  const scope = taskScope(user);
  const rows = await db.task.findMany({
    where: { AND: [overdueAt(now), ...(query.processKey ? [{ processKey: query.processKey }] : []), ...(scope ? [scope] : [])] },
    select: {
      id: true,
      name: true,
      processKey: true,
      instanceId: true,
      assignee: true,
      dueAt: true,
      escalationLevel: true,
      candidates: { where: { kind: 'group' }, select: { value: true } },
    },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  });
  const processes = new Map<string, Tally>();
  const holders = new Map<string, Tally>();
  const bands = new Map<string, Tally>();
  for (const row of rows) {
    const due = row.dueAt as Date;
    const item: Item = {
      id: row.id,
      name: row.name,
      processKey: row.processKey,
      instanceId: row.instanceId,
      assignee: row.assignee,
      dueAt: due.toISOString(),
      daysOverdue: Math.round(((now.getTime() - due.getTime()) / DAY_MS) * 100) / 100,
      escalationLevel: row.escalationLevel,
    };
    tally(processes, row.processKey, item);
    if (row.assignee) tally(holders, `assignee\u0000${row.assignee}`, item);
    else if (row.candidates.length === 0) tally(holders, 'unassigned\u0000', item);
    else for (const group of new Set(row.candidates.map((c) => c.value))) tally(holders, `group\u0000${group}`, item);
    tally(bands, bandOf(now.getTime() - due.getTime()), item);
  }
  return {
    asOf: now.toISOString(),
    total: rows.length,
    oldest: rows.length > 0 ? [...processes.values()].map((p) => p.oldest).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] : null,
    byProcess: [...processes].sort(([, a], [, b]) => byCountThenAge(a, b)).map(([processKey, t]) => ({ processKey, ...t })),
    byAssignee: [...holders].sort(([, a], [, b]) => byCountThenAge(a, b)).map(([key, t]) => {
      const [kind, name] = key.split('\u0000') as ['assignee' | 'group' | 'unassigned', string];
      return { kind, name: kind === 'unassigned' ? null : name, ...t };
    }),
    byAgeBand: AGE_BANDS.map((b) => ({
      ...b,
      dueAfter: b.toDays === null ? null : new Date(now.getTime() - b.toDays * DAY_MS).toISOString(),
      dueBefore: new Date(now.getTime() - b.fromDays * DAY_MS).toISOString(),
      count: bands.get(b.band)?.count ?? 0,
      oldest: bands.get(b.band)?.oldest ?? null,
    })),
  };
}

/** The band of a task `overdueMs` past due: more than fromDays, at most toDays (matches dueAfter/dueBefore). */
function bandOf(overdueMs: number): string {
  const band = AGE_BANDS.find((b) => b.toDays === null || overdueMs <= b.toDays * DAY_MS);
  return (band ?? AGE_BANDS[AGE_BANDS.length - 1]).band;
}
