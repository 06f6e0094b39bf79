/**
 * The timeline's sentences: what an audit entry or a fired reminder/escalation level
 * says to a person reading an instance's history. Pure.
 */
import type { z } from 'zod';
import type { VariableChangeSchema } from './schemas/instance-detail.schemas';

/** Audit actions the timeline shows through their own rows (tasks, incidents, escalations). */
export const EVENTS_SHOWN_ELSEWHERE = new Set([
  'task.created',
  'task.completed',
  'task.canceled',
  'task.escalated',
  'task.reminded',
  'incident.raised',
  'incident.resolved',
]);

const TITLES: Record<string, string> = {
  'instance.started': 'Instance started',
  'instance.completed': 'Instance completed',
  'instance.canceled': 'Instance canceled',
  'variables.changed': 'Variables changed',
  'task.claimed': 'Task claimed',
  'task.unclaimed': 'Task returned to the group',
  'task.assigned': 'Task assigned',
  'task.reassigned': 'Task reassigned',
  'task.delegated': 'Task delegated to a substitute',
  'task.rescheduled': 'Due date changed',
  'task.signed': 'Task signed',
};

const FINAL = new Set(['instance.completed', 'instance.canceled']);

export interface EventWords {
  title: string;
  detail: string | null;
  changes?: z.output<typeof VariableChangeSchema>[];
  /** The instance ended: shown after anything else at the same moment. */
  final: boolean;
}

/** The title and detail of an audit entry (`details` as stored: JSON text). */
export function describeEvent(action: string, details: string): EventWords {
  const facts = parseObject(details);
  const changes = action === 'variables.changed' && Array.isArray(facts.changes) ? (facts.changes as EventWords['changes']) : undefined;
  const parts = [
    typeof facts.reason === 'string' ? facts.reason : undefined,
    typeof facts.to === 'string' ? `to ${facts.to}` : undefined,
    typeof facts.dueAt === 'string' ? `due ${facts.dueAt}` : undefined,
    typeof facts.meaning === 'string' ? facts.meaning : undefined,
  ].filter(Boolean);
  return { title: TITLES[action] ?? action, detail: parts.length > 0 ? parts.join(' · ') : null, ...(changes && { changes }), final: FINAL.has(action) };
}

/** The title and detail of a fired reminder or escalation level (`actions` as stored in TaskEscalation). */
export function describeEscalation(kind: string, level: number, actions: string): { title: string; detail: string | null } {
  const done = parseObject(actions);
  const notified = Array.isArray(done.notified) ? (done.notified as string[]) : [];
  const parts = [
    notified.length > 0 ? `notified ${notified.join(', ')}` : undefined,
    typeof done.reassignedTo === 'string' ? `reassigned to ${done.reassignedTo}` : undefined,
    typeof done.priority === 'number' ? `priority ${done.priority}` : undefined,
  ].filter(Boolean);
  return {
    title: kind === 'reminder' ? `Reminder ${level}` : `Escalation level ${level}`,
    detail: parts.length > 0 ? parts.join('; ') : null,
  };
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
