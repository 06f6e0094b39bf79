/** The task row as loaded (with its candidates) and its public summary. */
import type { z } from 'zod';
import type { Db } from './context';
import type { TaskSummary } from './schemas/task.schemas';

export type TaskSummaryView = z.output<typeof TaskSummary>;

const withCandidates = { candidates: true } as const;

export type TaskRow = NonNullable<Awaited<ReturnType<typeof loadTask>>>;

export function loadTask(db: Db, id: string) {
  return db.task.findUnique({ where: { id }, include: withCandidates });
}

export function toTaskSummary(row: TaskRow): TaskSummaryView {
  return {
    id: row.id,
    instanceId: row.instanceId,
    processKey: row.processKey,
    elementId: row.elementId,
    name: row.name,
    assignee: row.assignee,
    candidateGroups: row.candidates.filter((c) => c.kind === 'group').map((c) => c.value).sort(),
    candidateUsers: row.candidates.filter((c) => c.kind === 'user').map((c) => c.value).sort(),
    dueAt: row.dueAt?.toISOString() ?? null,
    followUpAt: row.followUpAt?.toISOString() ?? null,
    priority: row.priority,
    state: row.state as TaskSummaryView['state'],
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    completedBy: row.completedBy,
  };
}

export function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

