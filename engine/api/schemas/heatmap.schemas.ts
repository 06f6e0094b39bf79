/**
 * The heatmap of a process: per element, how long instances spent there over a period
 * (average and p90), how many were overdue. Imports nothing from the server.
 */
import { z } from 'zod';
import { DateTime } from './common.schemas';

const Instant = z.iso.datetime({ offset: true }).meta({ format: 'date-time' });

export const HeatmapParams = z.object({ key: z.string().min(1).max(255) });

export const HeatmapQuery = z
  .object({
    /** Count what started at or after this moment. */
    from: Instant.optional(),
    /** Count what started before this moment. */
    to: Instant.optional(),
    /** One version only; absent: every version. */
    version: z.coerce.number().int().min(1).optional(),
  })
  .refine((query) => !query.from || !query.to || new Date(query.from) < new Date(query.to), { message: '`from` must be before `to`', path: ['from'] });

export const HeatmapElement = z
  .object({
    elementId: z.string(),
    name: z.string(),
    /**
     * task: a user task (Task rows); wait: a message or signal wait (subscriptions); step:
     * any other element that held a token, e.g. a timer or a service task (element visits).
     */
    kind: z.enum(['task', 'wait', 'step']),
    /** How many finished there in the period (the samples of the times). */
    finished: z.number().int(),
    /** Still there now. */
    open: z.number().int(),
    averageMs: z.number().int().nullable(),
    p90Ms: z.number().int().nullable(),
    maxMs: z.number().int().nullable(),
    /** Tasks finished after their due date, or open and past it now. */
    overdue: z.number().int(),
    /** Incidents raised on the element in the period. */
    incidents: z.number().int(),
  })
  .meta({ id: 'HeatmapElement' });

export const Heatmap = z
  .object({
    processKey: z.string(),
    version: z.number().int().nullable(),
    from: DateTime.nullable(),
    to: DateTime.nullable(),
    /** Slowest first (by average). */
    elements: z.array(HeatmapElement),
    /** The element with the highest average time; null when nothing finished in the period. */
    slowestElementId: z.string().nullable(),
  })
  .meta({ id: 'Heatmap' });
