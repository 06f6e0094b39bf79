/**
 * Who a user task is for and when it is due: `zeebe:assignmentDefinition`,
 * `zeebe:taskSchedule` and `zeebe:priorityDefinition` evaluated over the task's scope.
 */
import type { BusinessCalendar } from './business-days';
import type { Variables } from './contract';
import { shiftTime } from './deadline-time';
import { resolveDateTime } from './durations';
import { evaluateValue, type FeelOptions } from './feel';
import { IncidentError } from './incident-error';
import type { UserTaskElement } from './model';

export interface TaskAssignment {
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueAt?: string;
  followUpAt?: string;
  priority: number;
}

export const DEFAULT_PRIORITY = 50;

/**
 * Evaluates assignee, candidates, due and follow-up dates and priority of `task`.
 * Candidates may be a literal comma-separated list, a FEEL list or a FEEL string. When
 * `zeebe:taskSchedule` sets no due or follow-up date, the task's `qualflow:deadline`
 * durations count from `now` (working time in `calendar`). FEEL business-time functions
 * in any of the expressions count on `calendar` too.
 *
 * @throws IncidentError when an expression fails or yields a value of the wrong kind.
 */
export function evaluateAssignment(task: UserTaskElement, scope: Variables, now: Date, calendar?: BusinessCalendar): TaskAssignment {
  const label = `User task "${task.name}"`;
  const assignment = evaluateSchedule(task, scope, now, label, { calendar });
  const { deadline } = task;
  if (!deadline) return assignment;
  const from = (duration: string | undefined) => (duration === undefined ? undefined : shiftTime(now, duration, deadline.basis, 1, calendar).toISOString());
  assignment.dueAt ??= task.dueDate === undefined ? from(deadline.dueIn) : undefined;
  assignment.followUpAt ??= task.followUpDate === undefined ? from(deadline.followUpIn) : undefined;
  return assignment;
}

function evaluateSchedule(task: UserTaskElement, scope: Variables, now: Date, label: string, feel: FeelOptions): TaskAssignment {
  return {
    assignee: task.assignee === undefined ? undefined : toUsername(evaluateValue(task.assignee, scope, feel), `${label}: the assignee`),
    candidateGroups: toList(task.candidateGroups, scope, `${label}: the candidate groups`, feel),
    candidateUsers: toList(task.candidateUsers, scope, `${label}: the candidate users`, feel),
    dueAt: task.dueDate === undefined ? undefined : resolveDateTime(evaluateValue(task.dueDate, scope, feel), now, `${label}: the due date`),
    followUpAt:
      task.followUpDate === undefined
        ? undefined
        : resolveDateTime(evaluateValue(task.followUpDate, scope, feel), now, `${label}: the follow-up date`),
    priority: toPriority(task.priority === undefined ? undefined : evaluateValue(task.priority, scope, feel), `${label}: the priority`),
  };
}

function toUsername(value: unknown, what: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new IncidentError(`${what} must be a username, got ${JSON.stringify(value)}`);
  }
  const name = String(value).trim();
  return name === '' ? undefined : name;
}

function toList(source: string | undefined, scope: Variables, what: string, feel: FeelOptions): string[] {
  if (source === undefined) return [];
  const value = evaluateValue(source, scope, feel);
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (!items || items.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
    throw new IncidentError(`${what} must be a list of names or a comma-separated string, got ${JSON.stringify(value)}`);
  }
  return [...new Set(items.map((item) => String(item).trim()).filter((item) => item !== ''))];
}

function toPriority(value: unknown, what: string): number {
  if (value === null || value === undefined || value === '') return DEFAULT_PRIORITY;
  const priority = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(priority) || priority < 0 || priority > 100) {
    throw new IncidentError(`${what} must be a whole number from 0 to 100, got ${JSON.stringify(value)}`);
  }
  return priority;
}
