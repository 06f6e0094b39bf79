/**
 * What a reminder or escalation level does when its timer fires, and a rescheduled due
 * date. `escalateTask` is idempotent by its event id: the first attempt decides and
 * records everything (the TaskEscalation row keeps who was notified, reassigned and the
 * new priority) in one transaction; a retry finds the row and only repeats the
 * notifications, which `notifyUsers` sends once per (event, user).
 */
import type { Db } from '../engine/db/client';
import type { Recipient } from '../workflows/model';
import { toJson, type ActivityDependencies } from './dependencies';
import { auditUpsert } from './instances';
import { notifyUsers, type NotificationKind } from './notifications';
import { substituteFor } from './substitutes';
import type { ChangeTaskDueInput, EscalateTaskInput, EscalateTaskResult } from './types';

/** What one level did, as stored in TaskEscalation.actions. */
export interface EscalationActions {
  notified: string[];
  /** Recipient → the substitute who was told instead (out of office). */
  substitutes?: Record<string, string>;
  reassignedTo?: string;
  /** The user the reassignment was meant for when it went to their substitute. */
  delegatedFrom?: string;
  priority?: number;
}

type TaskRow = NonNullable<Awaited<ReturnType<typeof loadTask>>>;

function loadTask(db: Db, taskId: string) {
  return db.task.findUnique({ where: { id: taskId }, include: { candidates: true } });
}

/** Records the level on the task and instance, reassigns / raises priority, and notifies its recipients. */
export async function escalateTask(deps: ActivityDependencies, input: EscalateTaskInput): Promise<EscalateTaskResult> {
  const { db, clock = () => new Date() } = deps;
  const task = await loadTask(db, input.taskId);
  if (!task) return { applied: false };
  const recorded = await db.taskEscalation.findUnique({ where: { id: input.eventId } });
  let actions: EscalationActions;
  if (recorded) actions = JSON.parse(recorded.actions) as EscalationActions;
  else {
    if (task.state !== 'open') return { applied: false };
    actions = await apply(deps, input, task, input.firedAt ? new Date(input.firedAt) : clock());
  }
  await notify(deps, input, task, actions);
  return { applied: true };
}

async function apply(deps: ActivityDependencies, input: EscalateTaskInput, task: TaskRow, now: Date): Promise<EscalationActions> {
  const { db, clock = () => new Date() } = deps;
  const actions: EscalationActions = { notified: [] };
  let assignee = task.assignee;
  let groups = task.candidates.filter((c) => c.kind === 'group').map((c) => c.value);
  const target = input.reassignTo ? parseTarget(input.reassignTo) : undefined;
  if (target?.kind === 'user') {
    const substitute = await substituteFor(db, target.name, now);
    assignee = substitute ?? target.name;
    actions.reassignedTo = assignee;
    if (substitute) actions.delegatedFrom = target.name;
  } else if (target?.kind === 'group') {
    assignee = null;
    groups = [target.name];
    actions.reassignedTo = `group:${target.name}`;
  }
  if (input.priority !== undefined) actions.priority = input.priority;
  const users = target?.kind === 'group' ? [] : task.candidates.filter((c) => c.kind === 'user').map((c) => c.value);
  const resolved = await resolveRecipients(db, input, task, { assignee, groups, users });
  const substitutes: Record<string, string> = {};
  for (const username of resolved) {
    const substitute = await substituteFor(db, username, now);
    if (substitute) substitutes[username] = substitute;
  }
  actions.notified = [...new Set(resolved.map((username) => substitutes[username] ?? username))];
  if (Object.keys(substitutes).length > 0) actions.substitutes = substitutes;
  const action = input.kind === 'reminder' ? 'task.reminded' : 'task.escalated';
  await db.$transaction([
    db.taskEscalation.create({
      data: { id: input.eventId, taskId: task.id, instanceId: task.instanceId, processKey: task.processKey, kind: input.kind, level: input.level, actions: toJson(actions), at: now },
    }),
    db.task.updateMany({
      where: { id: task.id, state: 'open' },
      data: {
        ...(input.kind === 'escalation' && input.level > task.escalationLevel ? { escalationLevel: input.level } : {}),
        ...(actions.priority !== undefined ? { priority: actions.priority } : {}),
        ...(target ? { assignee, delegatedFrom: actions.delegatedFrom ?? null } : {}),
      },
    }),
    ...(target?.kind === 'group'
      ? [db.taskCandidate.deleteMany({ where: { taskId: task.id } }), db.taskCandidate.create({ data: { taskId: task.id, kind: 'group', value: target.name } })]
      : []),
    auditUpsert(db, clock, {
      id: `${task.instanceId}:task:${task.id}:${action}:${input.level}`,
      instanceId: task.instanceId,
      taskId: task.id,
      actor: 'system',
      action,
      details: { elementId: task.elementId, level: input.level, ...actions },
    }),
  ]);
  return actions;
}

/** Usernames the level's `notify` list names, for the task as it is after a reassignment. */
async function resolveRecipients(
  db: Db,
  input: EscalateTaskInput,
  task: TaskRow,
  now: { assignee: string | null; groups: string[]; users: string[] },
): Promise<string[]> {
  const names: string[] = [];
  for (const recipient of input.notify) {
    const target = parseTarget(recipient);
    if (recipient === 'assignee' && now.assignee) names.push(now.assignee);
    else if (recipient === 'candidates') names.push(...now.users, ...(await membersOf(db, now.groups)));
    else if (recipient === 'manager' && task.assignee) names.push(...(await managerOf(db, task.assignee)));
    else if (recipient === 'owner') names.push(...(await ownerOf(db, input, task)));
    else if (target?.kind === 'user') names.push(target.name);
    else if (target?.kind === 'group') names.push(...(await membersOf(db, [target.name])));
  }
  return [...new Set(names)];
}

function parseTarget(recipient: Recipient | string): { kind: 'user' | 'group'; name: string } | undefined {
  const match = /^(user|group):(.+)$/.exec(recipient);
  return match ? { kind: match[1] as 'user' | 'group', name: match[2].trim() } : undefined;
}

async function membersOf(db: Db, groups: string[]): Promise<string[]> {
  if (groups.length === 0) return [];
  const members = await db.groupMember.findMany({ where: { group: { name: { in: groups } } }, select: { user: { select: { username: true } } } });
  return members.map((member) => member.user.username);
}

async function managerOf(db: Db, username: string): Promise<string[]> {
  const user = await db.user.findUnique({ where: { username }, select: { manager: { select: { username: true } } } });
  return user?.manager ? [user.manager.username] : [];
}

async function ownerOf(db: Db, input: EscalateTaskInput, task: TaskRow): Promise<string[]> {
  if (input.owner) return [input.owner];
  const definition = await db.definition.findUnique({ where: { id: task.definitionId }, select: { deployedBy: true } });
  return definition?.deployedBy ? [definition.deployedBy] : [];
}

async function notify(deps: ActivityDependencies, input: EscalateTaskInput, task: TaskRow, actions: EscalationActions): Promise<void> {
  const due = task.dueAt ? task.dueAt.toISOString() : 'unknown';
  const kind: NotificationKind = input.kind === 'reminder' ? 'task.reminder' : input.level === 1 ? 'task.overdue' : 'task.escalated';
  const subject =
    kind === 'task.reminder' ? `Reminder: "${task.name}" is due ${due}` : kind === 'task.overdue' ? `Overdue: "${task.name}" was due ${due}` : `Escalated (level ${input.level}): "${task.name}" was due ${due}`;
  const context = { taskId: task.id, instanceId: task.instanceId };
  if (actions.notified.length > 0) {
    const text = `${subject}.${actions.reassignedTo ? ` It now goes to ${actions.reassignedTo}.` : ''}${actions.priority !== undefined ? ` Priority raised to ${actions.priority}.` : ''}`;
    await notifyUsers(deps, { eventId: input.eventId, kind, usernames: actions.notified, subject, text, ...context });
  }
  if (actions.reassignedTo && !actions.reassignedTo.startsWith('group:')) {
    const text = `"${task.name}" was reassigned to you because it is overdue (due ${due})${actions.delegatedFrom ? `, standing in for ${actions.delegatedFrom}` : ''}.`;
    await notifyUsers(deps, { eventId: `${input.eventId}:reassigned`, kind: 'task.reassigned', usernames: [actions.reassignedTo], subject: `Reassigned to you: "${task.name}"`, text, ...context });
  }
}

/** Writes a rescheduled due date to the open task with its audit entry (idempotent by event id). */
export async function changeTaskDue({ db, clock = () => new Date() }: ActivityDependencies, input: ChangeTaskDueInput): Promise<void> {
  const task = await db.task.findUnique({ where: { id: input.taskId }, select: { instanceId: true, elementId: true, dueAt: true, state: true } });
  if (!task || task.state !== 'open') return;
  const audit = await db.auditEntry.findUnique({ where: { id: `${input.eventId}:task.rescheduled` }, select: { id: true } });
  if (audit) return;
  await db.$transaction([
    db.task.updateMany({ where: { id: input.taskId, state: 'open' }, data: { dueAt: new Date(input.dueAt) } }),
    auditUpsert(db, clock, {
      id: `${input.eventId}:task.rescheduled`,
      instanceId: task.instanceId,
      taskId: input.taskId,
      actor: input.changedBy,
      action: 'task.rescheduled',
      details: { elementId: task.elementId, from: task.dueAt?.toISOString() ?? null, to: input.dueAt, reason: input.reason },
    }),
  ]);
}
