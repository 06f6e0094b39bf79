/** The audit trail of a task or an instance, as GET /api/tasks/:id/audit and /api/instances/:id/audit give it. */
import { apiRequest } from '../api/client';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  /** e.g. task.created, task.claimed, task.signed, signature.failed, instance.canceled */
  action: string;
  instanceId: string | null;
  taskId: string | null;
  details: Record<string, unknown>;
}

/** Whose trail: one task's, or an instance's with all its tasks. */
export type AuditSubject = { taskId: string } | { instanceId: string };

export function fetchAuditTrail(subject: AuditSubject): Promise<AuditEntry[]> {
  const path = 'taskId' in subject ? `/api/tasks/${encodeURIComponent(subject.taskId)}` : `/api/instances/${encodeURIComponent(subject.instanceId)}`;
  return apiRequest<AuditEntry[]>(`${path}/audit`);
}
