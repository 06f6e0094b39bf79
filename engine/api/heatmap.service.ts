/**
 * The heatmap of a process over a period: time spent in its elements, with overdue and
 * incident counts. User tasks are timed by their Task rows (created → completed, open ones
 * too) and message/signal waits by their subscriptions (opened → closed); every other
 * element that held a token (timers, service tasks, call activities, sub-processes…) by
 * the element visits the workflow writes (entered → left, finished ones only). One source
 * per element. For admins, the process's owners and those given it.
 */
import type { z } from 'zod';
import { seesProcess } from './access';
import { type AuthUser, type Db, hasRole } from './context';
import { findDefinition } from './definition.service';
import { forbidden } from './errors';
import type { Heatmap, HeatmapQuery } from './schemas/heatmap.schemas';
import { heatOf, type Visit } from './heatmap.stats';
import { elementNames } from './instance-detail.service';

type Query = z.output<typeof HeatmapQuery>;

/**
 * The heatmap of `processKey` for `user`.
 * Throws HttpError 404 for an unknown process or version, 403 when `user` neither owns
 * nor is given the process (and is not an admin).
 */
export async function processHeatmap(db: Db, user: AuthUser, processKey: string, query: Query, now = new Date()): Promise<z.output<typeof Heatmap>> {
  const definition = await findDefinition(db, processKey, query.version);
  if (!hasRole(user, 'admin') && !seesProcess(user, processKey)) {
    throw forbidden('Only admins, the process owner and those given the process see its heatmap');
  }
  const startedIn = { ...(query.from && { gte: new Date(query.from) }), ...(query.to && { lt: new Date(query.to) }) };
  const version = query.version === undefined ? {} : { version: query.version };
  const [tasks, waits, incidents, elementVisits] = await Promise.all([
    db.task.findMany({
      where: { processKey, state: { in: ['open', 'completed'] }, createdAt: startedIn, ...(query.version && { definitionId: definition.id }) },
      select: { elementId: true, name: true, createdAt: true, completedAt: true, dueAt: true },
    }),
    db.subscription.findMany({
      where: { processKey, instanceId: { not: null }, createdAt: startedIn },
      select: { elementId: true, instanceId: true, createdAt: true, closedAt: true },
    }),
    db.incident.findMany({ where: { createdAt: startedIn, instance: { processKey, ...version } }, select: { elementId: true } }),
    db.elementVisit.findMany({ where: { processKey, ...version, enteredAt: startedIn }, select: { elementId: true, enteredAt: true, leftAt: true } }),
  ]);
  const inVersion = query.version === undefined ? undefined : await instanceIds(db, processKey, query.version);
  const visits: Visit[] = [
    ...tasks.map((task) => ({ elementId: task.elementId, kind: 'task' as const, startedAt: task.createdAt, endedAt: task.completedAt, dueAt: task.dueAt })),
    ...waits
      .filter((wait) => !inVersion || inVersion.has(wait.instanceId!))
      .map((wait) => ({ elementId: wait.elementId, kind: 'wait' as const, startedAt: wait.createdAt, endedAt: wait.closedAt })),
  ];
  // Tasks and waits also leave element visits; their own rows (with open ones and due dates) count instead.
  const timedElsewhere = new Set(visits.map((visit) => visit.elementId));
  for (const visit of elementVisits) {
    if (!timedElsewhere.has(visit.elementId)) visits.push({ elementId: visit.elementId, kind: 'step', startedAt: visit.enteredAt, endedAt: visit.leftAt });
  }
  const names = { ...Object.fromEntries(tasks.map((task) => [task.elementId, task.name])), ...elementNames(definition.model) };
  const elements = heatOf(visits, countBy(incidents.map((incident) => incident.elementId)), names, now);
  return {
    processKey,
    version: query.version ?? null,
    from: query.from ? new Date(query.from).toISOString() : null,
    to: query.to ? new Date(query.to).toISOString() : null,
    elements,
    slowestElementId: elements[0]?.averageMs != null ? elements[0].elementId : null,
  };
}

async function instanceIds(db: Db, processKey: string, version: number): Promise<Set<string>> {
  const rows = await db.instance.findMany({ where: { processKey, version }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
