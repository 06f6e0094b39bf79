import { z } from 'zod';
import { BooleanQuery, DateTime, PageQuery, VariablesSchema, pageOf } from './common.schemas';
import { TaskSearchFields } from './task-search.schemas';
import { SignatureInput, SignatureRequirement, SignatureView } from './signature.schemas';

export const TaskStateSchema = z.enum(['open', 'completed', 'canceled']);

export const TaskSummary = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    /** The business key of the task's instance (e.g. the document or CAPA number). */
    businessKey: z.string().nullable(),
    processKey: z.string(),
    elementId: z.string(),
    name: z.string(),
    assignee: z.string().nullable(),
    candidateGroups: z.array(z.string()),
    candidateUsers: z.array(z.string()),
    dueAt: DateTime.nullable(),
    /** Open and past its due date, computed when the task is read. */
    overdue: z.boolean(),
    followUpAt: DateTime.nullable(),
    /** How many escalation levels of the task's policy have fired (0: none). */
    escalationLevel: z.number().int(),
    /** The user the task was meant for when it went to their substitute (out of office), or the person it was reassigned to. */
    delegatedFrom: z.string().nullable(),
    priority: z.number().int(),
    state: TaskStateSchema,
    createdAt: DateTime,
    completedAt: DateTime.nullable(),
    completedBy: z.string().nullable(),
  })
  .meta({ id: 'Task' });

export const TaskDetail = TaskSummary.extend({
  /** The resolved form-js schema (embedded, or the latest deployed form with the linked id); null when none. */
  form: z.record(z.string(), z.unknown()).nullable(),
  /** Set when the task links a form by id. */
  formId: z.string().nullable(),
  variables: VariablesSchema,
  /** Set when completing needs an electronic signature. */
  signature: SignatureRequirement.nullable(),
  /** The signature of the completed task, when it was signed. */
  signatures: z.array(SignatureView),
}).meta({ id: 'TaskDetail' });

export const TASK_SORTS = [
  'createdAt',
  '-createdAt',
  'dueAt',
  '-dueAt',
  'priority',
  '-priority',
  'name',
  '-name',
  'escalationLevel',
  '-escalationLevel',
] as const;

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const TaskListQuery = PageQuery.extend({
  state: z
    .enum(['open', 'completed', 'canceled', 'all'])
    .default('open')
    .meta({ description: 'default open' }),
  assignee: z.string().min(1).max(100).optional().meta({ description: '`me` or a username' }),
  assigned: BooleanQuery.optional().meta({ description: '`false`: only unclaimed tasks' }),
  candidateGroup: z.string().min(1).max(100).optional().meta({ description: 'a group name, or `mine` for any of my groups' }),
  candidateUser: z.string().min(1).max(100).optional().meta({ description: '`me` or a username' }),
  processKey: z.string().min(1).max(255).optional(),
  instanceId: z.string().min(1).max(200).optional(),
  overdue: BooleanQuery.optional().meta({ description: '`true`: open tasks past their due date; `false`: all others' }),
  dueBefore: Instant.optional().meta({ description: 'due strictly before this instant (ISO 8601 with offset)' }),
  dueAfter: Instant.optional().meta({ description: 'due at or after this instant (ISO 8601 with offset)' }),
  followUpDue: BooleanQuery.optional().meta({ description: '`true`: the follow-up date has come (followUpAt <= now); `false`: no follow-up date, or a later one' }),
  minEscalationLevel: z.coerce.number().int().min(0).max(1000).optional().meta({ description: 'escalation level at least this' }),
  ...TaskSearchFields,
  sort: z.enum(TASK_SORTS).default('createdAt').meta({ description: 'a field, `-` first for descending; ties by creation' }),
});
export type TaskListFilter = z.output<typeof TaskListQuery>;

export const TaskList = pageOf(TaskSummary);

export const ReassignTaskBody = z
  .object({
    assignee: z.string().min(1).max(100).optional(),
    candidateGroup: z.string().min(1).max(100).optional(),
    reason: z.string().trim().min(1, 'a reason is required').max(2000),
  })
  .refine((body) => (body.assignee === undefined) !== (body.candidateGroup === undefined), {
    message: 'name exactly one of assignee or candidateGroup',
    path: ['assignee'],
  })
  .meta({ id: 'ReassignTask' });

export const CompleteTaskBody = z.object({
  variables: VariablesSchema.default({}),
  /** Required when the task's step requires an electronic signature (see TaskDetail.signature). */
  signature: SignatureInput.optional(),
});

export const FormViolation = z.object({ path: z.string(), message: z.string() }).meta({ id: 'FormViolation' });
