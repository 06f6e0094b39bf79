/**
 * What each tasklist tab asks the API for, and how the answers are merged. Pure.
 */
import type { TaskSummary, User } from '../api/types';
import type { TaskTab } from '../router/routes';
import type { SearchQuery } from './api';

const PAGE = { pageSize: 200 } as const;

/**
 * The task queries behind a tab: "My tasks" are open tasks assigned to me; "My groups"
 * are unclaimed open tasks offered to any group I belong to (`candidateGroup=mine`) or to
 * me by name; "All" is every open task I may see; "Completed" the ones I finished.
 */
export function queriesForTab(tab: TaskTab, user: Pick<User, 'groups'>): SearchQuery[] {
  switch (tab) {
    case 'mine':
      return [{ state: 'open', assignee: 'me', sort: 'dueAt', ...PAGE }];
    case 'groups':
      return [
        ...(user.groups.length ? [{ state: 'open', assigned: false, candidateGroup: 'mine', sort: 'dueAt', ...PAGE } as const] : []),
        { state: 'open', assigned: false, candidateUser: 'me', sort: 'dueAt', ...PAGE },
      ];
    case 'all':
      return [{ state: 'open', sort: 'dueAt', ...PAGE }];
    case 'completed':
      return [{ state: 'completed', completedBy: 'me', sort: '-createdAt', ...PAGE }];
  }
}

/**
 * Joins the answers of several queries into one list without duplicates: open tasks by
 * due date (earliest first, undated last), then priority, then age; completed tasks newest first.
 */
export function mergeTasks(pages: TaskSummary[][]): TaskSummary[] {
  const byId = new Map<string, TaskSummary>();
  for (const task of pages.flat()) byId.set(task.id, task);
  return [...byId.values()].sort(compareTasks);
}

function compareTasks(a: TaskSummary, b: TaskSummary): number {
  if (a.state === 'completed' && b.state === 'completed') {
    return time(b.completedAt ?? b.createdAt) - time(a.completedAt ?? a.createdAt);
  }
  const dueA = a.dueAt ? time(a.dueAt) : Number.POSITIVE_INFINITY;
  const dueB = b.dueAt ? time(b.dueAt) : Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  return time(a.createdAt) - time(b.createdAt);
}

function time(value: string | null | undefined): number {
  const parsed = value ? new Date(value).getTime() : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}

/** Whether I may take this task: nobody holds it and it is still open. */
export function canClaim(task: TaskSummary): boolean {
  return task.state === 'open' && !task.assignee;
}

/** Whether I hold this task and may give it back to the group. */
export function canUnclaim(task: TaskSummary, username: string): boolean {
  return task.state === 'open' && task.assignee === username;
}
