/**
 * The task list query: the caller's scope AND the filters they asked for, paged and
 * sorted in the database.
 */
import type { Prisma } from '../db/generated/client';
import { taskScope } from './access';
import type { AuthUser, Db } from './context';
import type { TaskListFilter } from './schemas/task.schemas';
import { searchFilters } from './task-search';
import { TASK_ROW_INCLUDE, toTaskSummary } from './task-view';

function me(value: string, user: AuthUser): string {
  return value === 'me' ? user.username : value;
}

function filters(user: AuthUser, query: TaskListFilter, now: Date): Prisma.TaskWhereInput[] {
  const where: Prisma.TaskWhereInput[] = [];
  if (query.state !== 'all') where.push({ state: query.state });
  if (query.assignee) where.push({ assignee: me(query.assignee, user) });
  if (query.assigned !== undefined) where.push({ assignee: query.assigned ? { not: null } : null });
  if (query.candidateGroup) {
    const groups = query.candidateGroup === 'mine' ? user.groups : [query.candidateGroup];
    where.push({ candidates: { some: { kind: 'group', value: { in: groups } } } });
  }
  if (query.candidateUser) where.push({ candidates: { some: { kind: 'user', value: me(query.candidateUser, user) } } });
  if (query.processKey) where.push({ processKey: query.processKey });
  if (query.instanceId) where.push({ instanceId: query.instanceId });
  if (query.overdue !== undefined) where.push(query.overdue ? overdueAt(now) : notOverdueAt(now));
  if (query.dueBefore) where.push({ dueAt: { lt: query.dueBefore } });
  if (query.dueAfter) where.push({ dueAt: { gte: query.dueAfter } });
  if (query.followUpDue !== undefined) {
    where.push(query.followUpDue ? { followUpAt: { lte: now } } : { OR: [{ followUpAt: null }, { followUpAt: { gt: now } }] });
  }
  if (query.minEscalationLevel !== undefined) where.push({ escalationLevel: { gte: query.minEscalationLevel } });
  return [...where, ...searchFilters(query, (value) => me(value, user))];
}

function notOverdueAt(now: Date): Prisma.TaskWhereInput {
  return { OR: [{ state: { not: 'open' } }, { dueAt: null }, { dueAt: { gte: now } }] };
}

/** Open tasks whose due date lies before `now` (the `overdue` flag of a summary, as a query; index [state, dueAt]). */
export function overdueAt(now: Date): Prisma.TaskWhereInput {
  return { state: 'open', dueAt: { lt: now } };
}

function orderBy(sort: TaskListFilter['sort']): Prisma.TaskOrderByWithRelationInput[] {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as 'createdAt' | 'dueAt' | 'priority' | 'name' | 'escalationLevel';
  const direction = descending ? 'desc' : 'asc';
  const primary: Prisma.TaskOrderByWithRelationInput =
    field === 'dueAt' ? { dueAt: { sort: direction, nulls: 'last' } } : { [field]: direction };
  return [primary, { createdAt: 'asc' }, { id: 'asc' }];
}

/** A page of the tasks `user` may see that match `query`. */
export async function listTasks(db: Db, user: AuthUser, query: TaskListFilter, now = new Date()) {
  const scope = taskScope(user);
  const where: Prisma.TaskWhereInput = { AND: [...filters(user, query, now), ...(scope ? [scope] : [])] };
  const [rows, total] = await Promise.all([
    db.task.findMany({
      where,
      include: TASK_ROW_INCLUDE,
      orderBy: orderBy(query.sort),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.task.count({ where }),
  ]);
  return { items: rows.map((row) => toTaskSummary(row, now)), total };
}
