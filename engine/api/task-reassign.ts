/**
 * A manager hands an open task to someone else (or back to a group), with a reason.
 * Allowed to the assignee's manager (for an unassigned task: a manager who may see it),
 * process owners (the `owner` role on a task they may see, or the owner the process names) and admins. A user who is away gets the task through their substitute;
 * the change is audited and the new holder (and the previous assignee) are notified.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { notifyUsers } from '../../activities/notifications/index';
import { substituteFor } from '../../activities/substitutes';
import { actsAsOwner, canSeeTask } from './access';
import { type AuthUser, type Db, hasRole } from './context';
import { badRequest, conflict, forbidden, notFound } from './errors';
import type { ReassignTaskBody } from './schemas/task.schemas';
import { loadTask, type TaskRow, type TaskSummaryView, toTaskSummary } from './task-view';
import { type AuditFacts, recordAudit } from './audit-entry';
import { namedOwnerIs } from './process-grant.service';

type Reassign = z.output<typeof ReassignTaskBody>;

/** May reassign: an admin, a process owner who sees the task, or the manager of the assignee (of a visible unassigned task). */
export function canReassign(user: AuthUser, task: TaskSummaryView): boolean {
  if (actsAsOwner(user, task)) return true;
  if (!hasRole(user, 'manager')) return false;
  return task.assignee === null ? canSeeTask(user, task) : user.reports.includes(task.assignee);
}

interface Target {
  assignee: string | null;
  delegatedFrom: string | null;
  group: string | null;
  notify: string[];
}

async function resolveTarget(db: Db, body: Reassign, now: Date): Promise<Target> {
  if (body.assignee !== undefined) {
    const person = await db.user.findUnique({ where: { username: body.assignee }, select: { active: true } });
    if (!person?.active) throw badRequest('Invalid request body', [{ path: 'assignee', message: `No active user "${body.assignee}"` }]);
    const substitute = await substituteFor(db, body.assignee, now);
    const assignee = substitute ?? body.assignee;
    return { assignee, delegatedFrom: substitute ? body.assignee : null, group: null, notify: [assignee] };
  }
  const name = body.candidateGroup as string;
  const group = await db.group.findUnique({ where: { name }, select: { members: { select: { user: { select: { username: true } } } } } });
  if (!group) throw badRequest('Invalid request body', [{ path: 'candidateGroup', message: `No group "${name}"` }]);
  return { assignee: null, delegatedFrom: null, group: name, notify: group.members.map((m) => m.user.username) };
}

/**
 * Reassigns task `id` to `body.assignee` (through their substitute when away) or to the
 * candidate group `body.candidateGroup` (unassigned, that group its only candidate).
 * 404 unknown or invisible, 403 not allowed, 400 unknown user or group, 409 not open.
 */
export async function reassignTask(db: Db, user: AuthUser, id: string, body: Reassign, now = new Date()): Promise<TaskSummaryView> {
  const row = await loadTask(db, id);
  if (!row) throw notFound(`No task "${id}"`);
  const task = toTaskSummary(row, now);
  if (!canReassign(user, task) && !(await namedOwnerIs(db, row.definitionId, user.username))) {
    if (!canSeeTask(user, task)) throw notFound(`No task "${id}"`);
    throw forbidden("Only the assignee's manager, a process owner or an admin may reassign this task");
  }
  if (task.state !== 'open') throw conflict(`The task is ${task.state}`);
  const target = await resolveTarget(db, body, now);
  const eventId = `${id}:reassigned:${randomUUID()}`;
  await db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id, state: 'open', assignee: task.assignee },
      data: { assignee: target.assignee, delegatedFrom: target.delegatedFrom },
    });
    if (count === 0) throw conflict('The task changed a moment ago');
    if (target.group) {
      await tx.taskCandidate.deleteMany({ where: { taskId: id } });
      await tx.taskCandidate.create({ data: { taskId: id, kind: 'group', value: target.group } });
    }
    await recordAudit(tx, auditFacts(row, user, eventId, body, target, now));
  });
  const previous = task.assignee && task.assignee !== target.assignee ? [task.assignee] : [];
  await notifyUsers(
    { db, clock: () => now },
    {
      eventId,
      kind: 'task.reassigned',
      usernames: [...new Set([...target.notify, ...previous])].filter((name) => name !== user.username),
      subject: `Task reassigned: ${row.name}`,
      text: `${user.name} reassigned "${row.name}" to ${target.assignee ?? `the group ${target.group}`}. Reason: ${body.reason}`,
      taskId: id,
      instanceId: row.instanceId,
    },
  );
  return toTaskSummary((await loadTask(db, id)) as TaskRow, now);
}

function auditFacts(row: TaskRow, user: AuthUser, eventId: string, body: Reassign, target: Target, now: Date): AuditFacts {
  const details = {
    from: row.assignee,
    to: target.assignee,
    candidateGroup: target.group,
    requested: body.assignee ?? null,
    delegatedFrom: target.delegatedFrom,
    reason: body.reason,
  };
  return { id: eventId, at: now, actor: user.username, action: 'task.reassigned', instanceId: row.instanceId, taskId: row.id, details };
}
