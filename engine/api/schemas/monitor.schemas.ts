import { z } from 'zod';
import { DateTime } from './common.schemas';

export const DashboardQuery = z.object({
  processKey: z.string().min(1).max(255).optional(),
  days: z.coerce.number().int().min(7).max(730).default(90).meta({ description: 'cycle times over the instances completed in the last `days` days' }),
});

const Millis = z.number().int().meta({ description: 'milliseconds' });

export const CycleTime = z
  .object({ completed: z.number().int(), medianMs: Millis.nullable(), p90Ms: Millis.nullable() })
  .meta({ id: 'CycleTime' });

export const Dashboard = z
  .object({
    asOf: DateTime,
    /** Instances not ended (active or stopped at an incident), per process, most first. */
    openByProcess: z.array(z.object({ processKey: z.string(), open: z.number().int(), withIncident: z.number().int(), withOverdueTask: z.number().int() })),
    /** Reminders and escalations that fired in the last 7 and 30 days, in total and per process. */
    escalations: z.object({
      last7Days: z.number().int(),
      last30Days: z.number().int(),
      byProcess: z.array(z.object({ processKey: z.string(), last7Days: z.number().int(), last30Days: z.number().int() })),
    }),
    /** Start-to-end time of the instances completed since `since`, per process, and per week for the chart. */
    cycleTimes: z.object({
      since: DateTime,
      byProcess: z.array(CycleTime.extend({ processKey: z.string() })),
      weekly: z.array(CycleTime.extend({ processKey: z.string(), weekStart: DateTime })),
    }),
  })
  .meta({ id: 'Dashboard' });

export const EscalationListQuery = z.object({
  processKey: z.string().min(1).max(255).optional(),
  days: z.coerce.number().int().min(1).max(730).default(7),
});

export const EscalationEvent = z
  .object({
    id: z.string(),
    taskId: z.string(),
    taskName: z.string().nullable(),
    instanceId: z.string(),
    processKey: z.string(),
    kind: z.enum(['reminder', 'escalation']),
    level: z.number().int(),
    at: DateTime,
  })
  .meta({ id: 'EscalationEvent' });

export const EscalationList = z.object({ items: z.array(EscalationEvent), total: z.number().int() });
