/**
 * Audit entries: who did what, when. Each id is derived from ids the workflow chose, so
 * writing an entry twice (a retried activity, a replay) still leaves one row. Entries
 * travel with the write they describe (opening a task carries `task.created`), so the
 * trail costs no extra round trip.
 */
import type { AuditInput } from '../activities/types';
import type { InstanceRuntime } from './runtime';

export const SYSTEM_ACTOR = 'system';

export type InstanceAction = 'instance.started' | 'instance.completed' | 'instance.canceled';
export type TaskAction = 'task.created' | 'task.completed' | 'task.canceled';
export type IncidentAction = 'incident.raised' | 'incident.resolved';
const VARIABLES_CHANGED = 'variables.changed';

/** An instance-level entry (started, completed, canceled). */
export function instanceAudit(runtime: InstanceRuntime, action: InstanceAction, actor: string, details?: Record<string, unknown>): AuditInput {
  return { id: `${runtime.instanceId}:${action}`, instanceId: runtime.instanceId, actor, action, details };
}

/** A task entry (created, completed, canceled). */
export function taskAudit(runtime: InstanceRuntime, taskId: string, action: TaskAction, actor: string, details?: Record<string, unknown>): AuditInput {
  return { id: `${runtime.instanceId}:task:${taskId}:${action}`, instanceId: runtime.instanceId, taskId, actor, action, details };
}

/** An incident entry (raised, resolved). */
export function incidentAudit(runtime: InstanceRuntime, incidentId: string, action: IncidentAction, actor: string, details?: Record<string, unknown>): AuditInput {
  return { id: `${runtime.instanceId}:incident:${incidentId}:${action}`, instanceId: runtime.instanceId, actor, action, details: { incidentId, ...details } };
}

/** Process variables changed by hand (`changeId` is chosen by the workflow, one entry per change). */
export function variablesAudit(runtime: InstanceRuntime, changeId: string, actor: string, details: Record<string, unknown>): AuditInput {
  return { id: `${runtime.instanceId}:variables:${changeId}`, instanceId: runtime.instanceId, actor, action: VARIABLES_CHANGED, details };
}
