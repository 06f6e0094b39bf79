/**
 * Reading the audit trail (append-only: entries are written by activities and services,
 * never changed or deleted). A task's or an instance's trail is shown to whoever may see
 * that task or instance, oldest entry first.
 */
import type { z } from 'zod';
import type { AuthUser, Db } from './context';
import { findVisible } from './instance.service';
import type { AuditEntryView } from './schemas/audit.schemas';
import { parseJson, visibleTask } from './task-view';

type View = z.output<typeof AuditEntryView>;

async function entries(db: Db, where: { taskId: string } | { instanceId: string }): Promise<View[]> {
  const rows = await db.auditEntry.findMany({ where, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    instanceId: row.instanceId,
    taskId: row.taskId,
    details: parseJson<Record<string, unknown>>(row.details, {}),
  }));
}

/** The trail of one task; HttpError 404 when the caller may not see the task. */
export async function taskAuditTrail(db: Db, user: AuthUser, taskId: string): Promise<View[]> {
  await visibleTask(db, user, taskId);
  return entries(db, { taskId });
}

/** The trail of one instance and its tasks; HttpError 404 when the caller may not see the instance. */
export async function instanceAuditTrail(db: Db, user: AuthUser, instanceId: string): Promise<View[]> {
  await findVisible(db, user, instanceId);
  return entries(db, { instanceId });
}
