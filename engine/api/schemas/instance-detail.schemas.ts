/**
 * The instance page's extra reads: the timeline of every step (who, when, how long,
 * escalations, incidents, changes) and the link to the instance in the Temporal UI.
 * Imports nothing from the server (the designer may import it).
 */
import { z } from 'zod';
import { DateTime } from './common.schemas';

export const TimelineEntryKind = z
  .enum(['task', 'step', 'wait', 'incident', 'escalation', 'event'])
  .meta({ description: 'task: a user task; step: an automatic element; wait: a message/signal wait; event: an audit entry' });

export const VariableChangeSchema = z
  .object({ name: z.string(), before: z.unknown().optional(), after: z.unknown() })
  .meta({ id: 'VariableChange', description: '`before` is absent when the variable was new' });

export const TimelineEntry = z
  .object({
    id: z.string(),
    kind: TimelineEntryKind,
    /** When it started or happened; null for an automatic step (its place in the order is known, its time is not recorded). */
    at: DateTime.nullable(),
    endedAt: DateTime.nullable(),
    durationMs: z.number().int().nullable(),
    elementId: z.string().nullable(),
    /** The element's name (the task's name for a task). */
    elementName: z.string().nullable(),
    title: z.string(),
    /** Who did it: completed or holds the task, resolved the incident, made the change. */
    actor: z.string().nullable(),
    state: z.string().nullable(),
    taskId: z.string().nullable(),
    dueAt: DateTime.nullable(),
    overdue: z.boolean(),
    /** A sentence: the reason, the incident's message, what an escalation did. */
    detail: z.string().nullable(),
    /** Variables changed by hand: each one's earlier and new value. */
    changes: z.array(VariableChangeSchema).optional(),
  })
  .meta({ id: 'TimelineEntry' });

export const InstanceTimeline = z
  .object({
    instanceId: z.string(),
    /** Oldest first. */
    entries: z.array(TimelineEntry),
    /** The instance in the Temporal UI, for admins (deep debugging); null for everyone else. */
    temporalUrl: z.string().nullable(),
  })
  .meta({ id: 'InstanceTimeline' });
