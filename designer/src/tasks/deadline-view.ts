/**
 * The deadline side of the tasklist: the fields the API adds to every task, the filters
 * over them, and how a filter narrows a tab's queries. Pure.
 */
import type { TaskQuery, TaskSummary } from '../api/types';
import { dueStatus } from '../format/dates';

/** A task as the API sends it, with its deadline facts (older servers may leave them out). */
export interface DeadlineTask extends TaskSummary {
  /** Open and past its due date, computed by the server when read. */
  overdue?: boolean;
  /** How many escalation levels have fired (0: none). */
  escalationLevel?: number;
  /** Who the task was meant for when it went to their substitute. */
  delegatedFrom?: string | null;
  /** The business key of the task's instance. */
  businessKey?: string | null;
}

/** The task list query with the deadline filters and sorts. */
export interface DeadlineQuery extends Omit<TaskQuery, 'sort'> {
  sort?: TaskQuery['sort'] | 'escalationLevel' | '-escalationLevel';
  followUpDue?: boolean;
  dueBefore?: string;
  dueAfter?: string;
  minEscalationLevel?: number;
}

export type TaskFilter = 'all' | 'overdue' | 'followUp' | 'escalated';

export const TASK_FILTERS: { filter: TaskFilter; label: string; hint: string }[] = [
  { filter: 'all', label: 'All', hint: 'Every task of this view' },
  { filter: 'overdue', label: 'Overdue', hint: 'Open tasks past their due date' },
  { filter: 'followUp', label: 'Follow-up', hint: 'Tasks whose follow-up date has come' },
  { filter: 'escalated', label: 'Escalated', hint: 'Tasks with at least one escalation' },
];

/** Narrows each query of a tab to the filter; completed tasks are never overdue, so that view stays as it is. */
export function applyFilter<Q extends DeadlineQuery>(queries: Q[], filter: TaskFilter): DeadlineQuery[] {
  switch (filter) {
    case 'all':
      return queries;
    case 'overdue':
      return queries.map((q) => ({ ...q, overdue: true, sort: 'dueAt' as const }));
    case 'followUp':
      return queries.map((q) => ({ ...q, followUpDue: true }));
    case 'escalated':
      return queries.map((q) => ({ ...q, minEscalationLevel: 1, sort: '-escalationLevel' as const }));
  }
}

/** Overdue as the server said; computed here only when the server did not send it. */
export function isOverdue(task: DeadlineTask, now: Date = new Date()): boolean {
  if (task.overdue !== undefined) return task.overdue;
  return task.state === 'open' && dueStatus(task.dueAt, now) === 'overdue';
}

/** Whether the task's follow-up date has come (and it is still open). */
export function followUpDue(task: DeadlineTask, now: Date = new Date()): boolean {
  return task.state === 'open' && task.followUpAt !== null && new Date(task.followUpAt).getTime() <= now.getTime();
}

/** Reads a filter remembered in the address or storage; anything else is `all`. */
export function parseFilter(value: string | null | undefined): TaskFilter {
  return TASK_FILTERS.some((f) => f.filter === value) ? (value as TaskFilter) : 'all';
}
