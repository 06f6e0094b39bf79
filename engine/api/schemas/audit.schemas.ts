/** The audit trail of a task or an instance: who did what, when, and with which details. */
import { z } from 'zod';
import { DateTime } from './common.schemas';

export const AuditEntryView = z
  .object({
    id: z.string(),
    at: DateTime,
    actor: z.string(),
    action: z.string().meta({ description: 'e.g. task.created, task.claimed, task.signed, instance.canceled' }),
    instanceId: z.string().nullable(),
    taskId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export const AuditTrail = z.array(AuditEntryView).meta({ id: 'AuditTrail' });
