/**
 * The search filters of the task list as Prisma conditions: words in the task name or
 * the business key, who completed it, a priority range, and process variables.
 */
import type { Prisma } from '../db/generated/client';
import type { VariableConditionValue } from './schemas/task-search.schemas';
import type { TaskListFilter } from './schemas/task.schemas';

/**
 * How a top-level variable appears in the instance's variables, stored as compact JSON
 * (`JSON.stringify`): `"name":<value>`. A value that reads as JSON (`100`, `true`) also
 * matches its text form (`"100"`), so the user need not know the type.
 */
function variableMatches({ name, value }: VariableConditionValue): Prisma.TaskWhereInput {
  const key = JSON.stringify(name);
  const forms = new Set([`${key}:${JSON.stringify(value)}`]);
  try {
    const literal: unknown = JSON.parse(value);
    if (literal === null || typeof literal !== 'object') forms.add(`${key}:${JSON.stringify(literal)}`);
  } catch {
    // plain text: the quoted form is the only one
  }
  const either = [...forms].map((form) => ({ instance: { variables: { contains: form } } }));
  return either.length === 1 ? either[0] : { OR: either };
}

/** The search conditions of `query`; `who` turns `me` into the caller's username. */
export function searchFilters(query: TaskListFilter, who: (value: string) => string): Prisma.TaskWhereInput[] {
  const where: Prisma.TaskWhereInput[] = [];
  if (query.text) {
    where.push({ OR: [{ name: { contains: query.text } }, { instance: { businessKey: { contains: query.text } } }] });
  }
  if (query.completedBy) where.push({ completedBy: who(query.completedBy) });
  if (query.minPriority !== undefined) where.push({ priority: { gte: query.minPriority } });
  if (query.maxPriority !== undefined) where.push({ priority: { lte: query.maxPriority } });
  for (const condition of query.var) where.push(variableMatches(condition));
  return where;
}
