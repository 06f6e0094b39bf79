import { z } from 'zod';
import { BooleanQuery, DateTime, PageQuery, VariablesSchema, pageOf } from './common.schemas';

export const TaskStateSchema = z.enum(['open', 'completed', 'canceled']);

export const TaskSummary = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    processKey: z.string(),
    elementId: z.string(),
    name: z.string(),
    assignee: z.string().nullable(),
    candidateGroups: z.array(z.string()),
    candidateUsers: z.array(z.string()),
    dueAt: DateTime.nullable(),
    followUpAt: DateTime.nullable(),
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
}).meta({ id: 'TaskDetail' });

export const TASK_SORTS = ['createdAt', '-createdAt', 'dueAt', '-dueAt', 'priority', '-priority', 'name', '-name'] as const;

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
  overdue: BooleanQuery.optional(),
  sort: z.enum(TASK_SORTS).default('createdAt'),
});
export type TaskListFilter = z.output<typeof TaskListQuery>;

export const TaskList = pageOf(TaskSummary);

export const CompleteTaskBody = z.object({ variables: VariablesSchema.default({}) });

export const FormViolation = z.object({ path: z.string(), message: z.string() }).meta({ id: 'FormViolation' });
