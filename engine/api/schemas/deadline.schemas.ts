/** Changing a task's due date: what the client sends. */
import { z } from 'zod';

/** An ISO 8601 date-time with a zone or offset, e.g. `2026-12-01T17:00:00Z`. */
const ZonedDateTime = z.iso.datetime({ offset: true }).meta({ format: 'date-time' });

export const ChangeDueBody = z
  .object({
    dueAt: ZonedDateTime.meta({ description: 'The new due date (with a zone or offset)' }),
    reason: z.string().trim().min(1, 'a reason is required').max(500).meta({ description: 'Why the due date changes; kept in the audit trail' }),
  })
  .strict()
  .meta({ id: 'ChangeDue' });
