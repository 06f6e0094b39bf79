import { z } from 'zod';
import { BooleanQuery, DateTime, PageQuery, VariablesSchema, pageOf } from './common.schemas';

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
  status: z.enum([...InstanceStatusSchema.options, 'open']).optional().meta({ description: '`open`: active or at an incident' }),
  businessKey: z.string().min(1).max(255).optional().meta({ description: 'part of the business key' }),
  version: z.coerce.number().int().min(1).optional().meta({ description: 'with processKey: one version of the process' }),
  startedAfter: z.iso.datetime({ offset: true }).optional().meta({ description: 'started at or after this instant' }),
  startedBefore: z.iso.datetime({ offset: true }).optional().meta({ description: 'started before this instant' }),
  endedAfter: z.iso.datetime({ offset: true }).optional().meta({ description: 'ended at or after this instant' }),
  hasIncident: BooleanQuery.optional().meta({ description: 'with (true) or without (false) an open incident' }),
  overdue: BooleanQuery.optional().meta({ description: 'with (true) or without (false) an open overdue task' }),
  sort: z.enum(['startedAt', '-startedAt']).default('-startedAt'),
});

/** The instance list filters without paging, for the CSV export. */
export const InstanceExportQuery = InstanceListQuery.omit({ page: true, pageSize: true });

export const InstanceList = pageOf(InstanceSummary);

export const CancelBody = z.object({ reason: z.string().trim().min(1).max(2000) });

export const RetryIncidentBody = z.object({ variables: VariablesSchema.optional() });

export const IncidentParams = z.object({ id: z.string().min(1).max(200), incidentId: z.string().min(1).max(200) });

export const Accepted = z.object({ id: z.string(), status: z.string() });
