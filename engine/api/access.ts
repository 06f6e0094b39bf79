/**
 * Who may see and do what, in one place. Every list query is narrowed by a scope
 * (a Prisma `where`), every single object is checked by a predicate, and both follow
 * the same rules:
 *
 * - an admin sees everything;
 * - everyone sees the tasks they may act on or acted on (assignee, completed by,
 *   candidate user, member of a candidate group) and the instances they started or
 *   have such a task in;
 * - a manager also sees what their direct reports see through assignment, completion,
 *   candidacy as a user, or starting an instance;
 * - a process owner sees every instance and task of the processes they own, and anyone
 *   (typically a manager) those of the processes they are given (`user.processes`,
 *   loaded by process-grant.service.ts).
 */
import type { Prisma } from '../db/generated/client';
import { type AuthUser, hasRole } from './context';

export interface TaskAccessFacts {
  assignee: string | null;
  completedBy: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  processKey?: string;
}

/** The user and, for a manager, their reports. */
function people(user: AuthUser): string[] {
  return [user.username, ...user.reports];
}

/** Narrows a task query to the tasks `user` may see; undefined for an admin. */
export function taskScope(user: AuthUser): Prisma.TaskWhereInput | undefined {
  if (hasRole(user, 'admin')) return undefined;
  const who = people(user);
  return {
    OR: [
      ...ofProcesses(user),
      { assignee: { in: who } },
      { completedBy: { in: who } },
      { candidates: { some: { kind: 'user', value: { in: who } } } },
      { candidates: { some: { kind: 'group', value: { in: user.groups } } } },
    ],
  };
}

/**
 * Narrows an instance query to the instances `user` may see; undefined for an admin. "Has a
 * task the user may see" reads the TaskParty rows the database keeps in step with every task
 * (its assignee, completer, candidate users and groups), the same facts `taskScope` reads from
 * the task itself: one indexed probe per instance instead of a search through its tasks.
 */
export function instanceScope(user: AuthUser): Prisma.InstanceWhereInput | undefined {
  if (hasRole(user, 'admin')) return undefined;
  return { OR: [...ofProcesses(user), { startedBy: { in: people(user) } }, { parties: { some: { party: { in: parties(user) } } } }] };
}

/** TaskParty values that concern `user`: they and their reports as people, their own groups. */
function parties(user: AuthUser): string[] {
  return [...people(user).map((name) => `user:${name}`), ...user.groups.map((group) => `group:${group}`)];
}

/** The condition "of a process the user owns or is given", when there is one. */
function ofProcesses(user: AuthUser): { processKey: { in: string[] } }[] {
  return user.processes?.length ? [{ processKey: { in: user.processes } }] : [];
}

/** The user owns or is given the process `processKey`. */
export function seesProcess(user: AuthUser, processKey: string | undefined): boolean {
  return processKey !== undefined && (user.processes ?? []).includes(processKey);
}

/** The user is a candidate of the task: named as a candidate user or in a candidate group. */
export function isCandidate(user: AuthUser, task: TaskAccessFacts): boolean {
  return task.candidateUsers.includes(user.username) || task.candidateGroups.some((g) => user.groups.includes(g));
}

/** Same rule as `taskScope`, for one task already loaded. */
export function canSeeTask(user: AuthUser, task: TaskAccessFacts): boolean {
  if (hasRole(user, 'admin')) return true;
  const who = people(user);
  return (
    seesProcess(user, task.processKey) ||
    (task.assignee !== null && who.includes(task.assignee)) ||
    (task.completedBy !== null && who.includes(task.completedBy)) ||
    task.candidateUsers.some((u) => who.includes(u)) ||
    task.candidateGroups.some((g) => user.groups.includes(g))
  );
}

/**
 * Acts on the task with a process owner's rights (reassign, move the due date): an admin,
 * or a user with the owner role on a task they may see — never on others' work unseen.
 */
export function actsAsOwner(user: AuthUser, task: TaskAccessFacts): boolean {
  return hasRole(user, 'admin') || (hasRole(user, 'owner') && canSeeTask(user, task));
}

/** May complete: the assignee, or when unassigned a candidate (who then claims it implicitly). */
export function canComplete(user: AuthUser, task: TaskAccessFacts): boolean {
  if (task.assignee !== null) return task.assignee === user.username;
  return isCandidate(user, task);
}

/** May claim an unassigned task: a candidate, or an admin. */
export function canClaim(user: AuthUser, task: TaskAccessFacts): boolean {
  return isCandidate(user, task) || hasRole(user, 'admin') || task.assignee === user.username;
}

/** May give the task back: its assignee, an admin, or the assignee's manager. */
export function canUnclaim(user: AuthUser, task: TaskAccessFacts): boolean {
  if (hasRole(user, 'admin')) return true;
  if (task.assignee === null) return canSeeTask(user, task);
  return task.assignee === user.username || (hasRole(user, 'manager') && user.reports.includes(task.assignee));
}
