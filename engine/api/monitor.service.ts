/**
 * The monitor dashboard: open instances per process (with incidents and overdue tasks),
 * reminders and escalations of the last 7 and 30 days, and cycle times — all within what
 * the caller may see (access.ts). Overdue tasks by process / assignee / age band come
 * from the overdue report (report.service.ts).
 */
import type { z } from 'zod';
import type { Prisma } from '../db/generated/client';
import { instanceScope } from './access';
import { OPEN_STATUSES } from './instance-list';
import type { AuthUser, Db } from './context';
import { cycleTimesByProcess, weeklyCycleTimes } from './monitor-cycle-times';
import { escalationCounts, visibleEscalations } from './monitor-escalations';
import type { Dashboard, DashboardQuery, EscalationList, EscalationListQuery } from './schemas/monitor.schemas';
import { overdueAt } from './task-query';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `where` narrowed to `user`'s scope and, when given, one process. */
function scoped(user: AuthUser, where: Prisma.InstanceWhereInput, processKey?: string): Prisma.InstanceWhereInput {
  const scope = instanceScope(user);
  return { AND: [where, ...(processKey ? [{ processKey }] : []), ...(scope ? [scope] : [])] };
}

async function countByProcess(db: Db, where: Prisma.InstanceWhereInput): Promise<Map<string, number>> {
  const groups = await db.instance.groupBy({ by: ['processKey'], where, _count: { _all: true } });
  return new Map(groups.map((group) => [group.processKey, group._count._all]));
}

async function openInstances(db: Db, user: AuthUser, processKey: string | undefined, now: Date) {
  const open: Prisma.InstanceWhereInput = { status: { in: OPEN_STATUSES } };
  const [all, withIncident, withOverdueTask] = await Promise.all([
    countByProcess(db, scoped(user, open, processKey)),
    countByProcess(db, scoped(user, { ...open, incidents: { some: { state: 'open' } } }, processKey)),
    countByProcess(db, scoped(user, { ...open, tasks: { some: overdueAt(now) } }, processKey)),
  ]);
  return [...all]
    .map(([key, count]) => ({ processKey: key, open: count, withIncident: withIncident.get(key) ?? 0, withOverdueTask: withOverdueTask.get(key) ?? 0 }))
    .sort((a, b) => b.open - a.open || a.processKey.localeCompare(b.processKey));
}

async function cycleTimes(db: Db, user: AuthUser, query: z.output<typeof DashboardQuery>, now: Date) {
  const since = new Date(now.getTime() - query.days * DAY_MS);
  const rows = await db.instance.findMany({
    where: scoped(user, { status: 'completed', endedAt: { gte: since } }, query.processKey),
    select: { processKey: true, startedAt: true, endedAt: true },
  });
  const completed = rows.map((row) => ({ ...row, endedAt: row.endedAt as Date }));
  return { since: since.toISOString(), byProcess: cycleTimesByProcess(completed), weekly: weeklyCycleTimes(completed) };
}

/** The dashboard for `user` at `now`. */
export async function dashboard(db: Db, user: AuthUser, query: z.output<typeof DashboardQuery>, now = new Date()): Promise<z.output<typeof Dashboard>> {
  const [open, escalations, cycles] = await Promise.all([
    openInstances(db, user, query.processKey, now),
    visibleEscalations(db, user, { days: 30, processKey: query.processKey }, now),
    cycleTimes(db, user, query, now),
  ]);
  return { asOf: now.toISOString(), openByProcess: open, escalations: escalationCounts(escalations, now), cycleTimes: cycles };
}

/** The reminders and escalations behind a dashboard number, newest first, with their task names. */
export async function escalationList(db: Db, user: AuthUser, query: z.output<typeof EscalationListQuery>, now = new Date()): Promise<z.output<typeof EscalationList>> {
  const rows = await visibleEscalations(db, user, query, now);
  const page = rows.slice(0, 500);
  const tasks = await db.task.findMany({ where: { id: { in: [...new Set(page.map((row) => row.taskId))] } }, select: { id: true, name: true } });
  const names = new Map(tasks.map((task) => [task.id, task.name]));
  return {
    total: rows.length,
    items: page.map((row) => ({
      ...row,
      kind: row.kind === 'reminder' ? 'reminder' : 'escalation',
      taskName: names.get(row.taskId) ?? null,
      at: row.at.toISOString(),
    })),
  };
}
