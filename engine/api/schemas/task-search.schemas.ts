/**
 * The search side of the task list query: words in the task name or business key,
 * completed by, priority range and process variables (`var=name=value`). Kept apart from
 * task.schemas.ts so the deadline and search filters grow independently.
 */
import { z } from 'zod';

/** `name=value`: a top-level process variable equal to value (JSON literal, else text). */
export const VariableCondition = z
  .string()
  .max(300)
  .regex(/^[A-Za-z_][\w.-]{0,99}=.*$/, 'write a variable condition as name=value')
  .transform((condition) => {
    const at = condition.indexOf('=');
    return { name: condition.slice(0, at), value: condition.slice(at + 1) };
  });

export type VariableConditionValue = z.output<typeof VariableCondition>;

export const TaskSearchFields = {
  text: z.string().trim().min(1).max(200).optional().meta({ description: 'words in the task name or the business key of its instance' }),
  completedBy: z.string().min(1).max(100).optional().meta({ description: '`me` or a username' }),
  minPriority: z.coerce.number().int().min(0).max(100).optional().meta({ description: 'priority at least this' }),
  maxPriority: z.coerce.number().int().min(0).max(100).optional().meta({ description: 'priority at most this' }),
  var: z
    .union([VariableCondition, z.array(VariableCondition).max(5)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .meta({ description: '`name=value` on a process variable of the instance, repeatable (all must hold)' }),
};
