/** Audit entries in words a quality auditor reads: what happened and the facts that matter. */
import type { AuditEntry } from './api';

const WHAT: Record<string, string> = {
  'task.created': 'Task opened',
  'task.assigned': 'Assigned',
  'task.claimed': 'Claimed',
  'task.unclaimed': 'Given back',
  'task.delegated': 'Delegated to a substitute',
  'task.reassigned': 'Reassigned',
  'task.rescheduled': 'Due date changed',
  'task.reminded': 'Reminder sent',
  'task.escalated': 'Escalated',
  'task.signed': 'Signed',
  'task.completed': 'Completed',
  'task.canceled': 'Canceled',
  'signature.failed': 'Signing refused',
  'instance.started': 'Instance started',
  'instance.completed': 'Instance completed',
  'instance.canceled': 'Instance canceled',
  'incident.raised': 'Incident raised',
  'incident.resolved': 'Incident resolved',
};

const FACTS = ['to', 'from', 'assignee', 'candidateGroup', 'meaning', 'printedName', 'dueAt', 'level', 'reason', 'name'] as const;

/** "Reassigned", "Signed", ... or the raw action when it has no wording yet. */
export function actionLabel(action: string): string {
  return WHAT[action] ?? action;
}

/** `to: carol · reason: alice is busy`: the details worth reading, in a fixed order. */
export function entryFacts(entry: AuditEntry): string {
  return FACTS.flatMap((key) => {
    const value = entry.details[key];
    return value === undefined || value === null || value === '' ? [] : [`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`];
  }).join(' · ');
}

/** `3 Dec 2026, 08:13:05`: audit times to the second, in the reader's locale and zone. */
export function formatAuditTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
