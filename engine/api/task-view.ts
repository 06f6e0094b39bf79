/** The task row as loaded (with its candidates and business key), its public summary, and the visibility check on one task. */
import type { z } from 'zod';
import { canSeeTask } from './access';
import type { AuthUser, Db } from './context';
import { notFound } from './errors';
import type { TaskSummary } from './schemas/task.schemas';

export type TaskSummaryView = z.output<typeof TaskSummary>;

/** What a task row is loaded with: its candidates and its instance's business key. */
export const TASK_ROW_INCLUDE = { candidates: true, instance: { select: { businessKey: true } } } as const;

export type TaskRow = NonNullable<Awaited<ReturnType<typeof loadTask>>>;

export function loadTask(db: Db, id: string) {
  return db.task.findUnique({ where: { id }, include: TASK_ROW_INCLUDE });
}

/** The task as `user` may see it; HttpError 404 when it is missing or not theirs to see. */
export async function visibleTask(db: Db, user: AuthUser, id: string): Promise<{ row: TaskRow; task: TaskSummaryView }> {
  const row = await loadTask(db, id);
  const task = row ? toTaskSummary(row) : undefined;
  if (!row || !task || !canSeeTask(user, task)) throw notFound(`No task "${id}"`);
  return { row, task };
}

/** True when the task is open and its due date has passed at `now`. */
export function isOverdue(task: { state: string; dueAt: Date | null }, now: Date): boolean {
  return task.state === 'open' && task.dueAt !== null && task.dueAt.getTime() < now.getTime();
}

/** The public summary of a loaded task; `overdue` is computed at `now`. */
export function toTaskSummary(row: TaskRow, now = new Date()): TaskSummaryView {
  return {
    id: row.id,
    instanceId: row.instanceId,
    businessKey: row.instance.businessKey,
    processKey: row.processKey,
    elementId: row.elementId,
    name: row.name,
    assignee: row.assignee,
    candidateGroups: row.candidates.filter((c) => c.kind === 'group').map((c) => c.value).sort(),
    candidateUsers: row.candidates.filter((c) => c.kind === 'user').map((c) => c.value).sort(),
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: isOverdue(row, now),
    followUpAt: row.followUpAt?.toISOString() ?? null,
    escalationLevel: row.escalationLevel,
    delegatedFrom: row.delegatedFrom,
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

