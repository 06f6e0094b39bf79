import { z } from 'zod';
import { DateTime, PageQuery, VariablesSchema, pageOf } from './common.schemas';

export const InstanceStatusSchema = z.enum(['active', 'completed', 'terminated', 'canceled', 'incident']);

export const StartInstanceBody = z.object({
  processKey: z.string().min(1).max(255),
  version: z.number().int().min(1).optional(),
  businessKey: z.string().min(1).max(255).optional(),
  variables: VariablesSchema.optional(),
});

export const StartedInstance = z.object({ id: z.string() });

export const InstanceSummary = z
  .object({
    id: z.string(),
    definitionId: z.string(),
    processKey: z.string(),
    version: z.number().int(),
    businessKey: z.string().nullable(),
    status: InstanceStatusSchema,
    startedBy: z.string().nullable(),
    startedAt: DateTime,
    endedAt: DateTime.nullable(),
  })
  .meta({ id: 'InstanceSummary' });

export const IncidentSchema = z
  .object({
    id: z.string(),
    elementId: z.string(),
    elementInstanceId: z.string(),
    message: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Incident' });

/** An instance a call activity of this one started. */
export const ChildInstance = z
  .object({ id: z.string(), processKey: z.string(), status: InstanceStatusSchema })
  .meta({ id: 'ChildInstance' });

export const InstanceDetail = InstanceSummary.extend({
  /** The calling instance, when a call activity started this one. */
  parentInstanceId: z.string().nullable(),
  /** Instances its call activities started, oldest first. */
  children: z.array(ChildInstance),
  variables: VariablesSchema,
  activeElements: z.array(z.string()),
  path: z.array(z.string()),
  incidents: z.array(IncidentSchema),
  /** `live` when read from the running workflow, `database` when from the read model. */
  source: z.enum(['live', 'database']),
}).meta({ id: 'Instance' });

export const InstanceListQuery = PageQuery.extend({
  processKey: z.string().min(1).max(255).optional(),
  status: InstanceStatusSchema.optional(),
  businessKey: z.string().min(1).max(255).optional(),
  sort: z.enum(['startedAt', '-startedAt']).default('-startedAt'),
});

export const InstanceList = pageOf(InstanceSummary);

export const CancelBody = z.object({ reason: z.string().trim().min(1).max(2000) });

export const RetryIncidentBody = z.object({ variables: VariablesSchema.optional() });

export const IncidentParams = z.object({ id: z.string().min(1).max(200), incidentId: z.string().min(1).max(200) });

export const Accepted = z.object({ id: z.string(), status: z.string() });
