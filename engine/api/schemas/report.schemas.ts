import { z } from 'zod';
import { DateTime } from './common.schemas';

export const OverdueItem = z
  .object({
    id: z.string(),
    name: z.string(),
    processKey: z.string(),
    instanceId: z.string(),
    assignee: z.string().nullable(),
    dueAt: DateTime,
    /** Days past due at the time of the report (fractional). */
    daysOverdue: z.number(),
    escalationLevel: z.number().int(),
  })
  .meta({ id: 'OverdueItem' });

const Group = { count: z.number().int(), oldest: OverdueItem };

export const AGE_BANDS = [
  { band: 'under-1d', label: '< 1 day', fromDays: 0, toDays: 1 },
  { band: '1-3d', label: '1–3 days', fromDays: 1, toDays: 3 },
  { band: '3-7d', label: '3–7 days', fromDays: 3, toDays: 7 },
  { band: '7-30d', label: '7–30 days', fromDays: 7, toDays: 30 },
  { band: 'over-30d', label: '> 30 days', fromDays: 30, toDays: null },
] as const;

export const OverdueReport = z
  .object({
    /** The instant the report was computed at (overdue = open and due before it). */
    asOf: DateTime,
    total: z.number().int(),
    oldest: OverdueItem.nullable(),
    byProcess: z.array(z.object({ processKey: z.string(), ...Group })),
    /** Assigned tasks by assignee; unassigned ones by each candidate group (a task with two groups counts in both), or `unassigned` without one. */
    byAssignee: z.array(z.object({ kind: z.enum(['assignee', 'group', 'unassigned']), name: z.string().nullable(), ...Group })),
    /** Every band, also empty ones; `dueAfter`/`dueBefore` select the band's tasks in GET /api/tasks?overdue=true. */
    byAgeBand: z.array(
      z.object({
        band: z.enum(AGE_BANDS.map((b) => b.band) as [string, ...string[]]),
        label: z.string(),
        fromDays: z.number(),
        toDays: z.number().nullable(),
        dueAfter: DateTime.nullable(),
        dueBefore: DateTime,
        count: z.number().int(),
        oldest: OverdueItem.nullable(),
      }),
    ),
  })
  .meta({ id: 'OverdueReport' });

export const OverdueReportQuery = z.object({ processKey: z.string().min(1).max(255).optional() });
