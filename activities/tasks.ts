/**
 * Task rows: the read model people see in their tasklist. Both writes are idempotent:
 * opening writes the row once (keyed by the task id the workflow chose), closing only
 * changes a task that is still open.
 */
import type { CloseTaskInput, OpenTaskInput } from './types';
import { toJson, type ActivityDependencies } from './dependencies';
import { auditUpsert } from './instances';
import { notifyUsers } from './notifications/index';
import { substituteFor } from './substitutes';

/**
 * Creates the task and its candidate rows; a second call with the same task id changes
 * nothing. An assignee who is away (out of office) is replaced by their substitute
 * (`delegatedFrom` keeps who it was meant for, audited as `task.delegated`; a task opened
 * for its assignee is audited as `task.assigned`), and whoever
 * holds the task is told once (event `${taskId}:assigned`).
 */
export async function openTask(dependencies: ActivityDependencies, input: OpenTaskInput): Promise<void> {
  const { db, clock = () => new Date() } = dependencies;
  const substitute = input.assignee ? await substituteFor(db, input.assignee, clock()) : undefined;
  const candidates = [
    ...input.candidateGroups.map((value) => ({ kind: 'group', value })),
    ...input.candidateUsers.map((value) => ({ kind: 'user', value })),
  ];
  const [task] = await db.$transaction([
    db.task.upsert({
      where: { id: input.taskId },
      update: {},
      create: {
        id: input.taskId,
        instanceId: input.instanceId,
        definitionId: input.definitionId,
        processKey: input.processKey,
        elementId: input.elementId,
        elementInstanceId: input.elementInstanceId,
        name: input.name,
        assignee: substitute ?? input.assignee ?? null,
        delegatedFrom: substitute ? (input.assignee ?? null) : null,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
        followUpAt: input.followUpAt ? new Date(input.followUpAt) : null,
        priority: input.priority,
        form: input.form ? JSON.stringify(input.form) : null,
        variables: toJson(input.variables),
      },
    }),
    ...candidates.map(({ kind, value }) =>
      db.taskCandidate.upsert({
        where: { taskId_kind_value: { taskId: input.taskId, kind, value } },
        update: {},
        create: { taskId: input.taskId, kind, value },
      }),
    ),
    ...(input.audit ? [auditUpsert(db, clock, input.audit)] : []),
  ]);
  // From the stored row, not this attempt's lookup: a retry must tell the same story.
  if (task.delegatedFrom && task.assignee) {
    const details = { from: task.delegatedFrom, to: task.assignee, reason: 'out of office' };
    const audit = { id: `${task.id}:delegated`, actor: 'system', action: 'task.delegated', instanceId: task.instanceId, taskId: task.id, details };
    await auditUpsert(db, clock, audit);
  } else if (task.assignee) {
    const audit = { id: `${task.id}:assigned`, actor: 'system', action: 'task.assigned', instanceId: task.instanceId, taskId: task.id, details: { to: task.assignee } };
    await auditUpsert(db, clock, audit);
  }
  if (task.assignee && task.state === 'open') {
    const delegated = task.delegatedFrom ? ` (standing in for ${task.delegatedFrom})` : '';
    await notifyUsers(dependencies, {
      eventId: `${task.id}:assigned`,
      kind: 'task.assigned',
      usernames: [task.assignee],
      subject: `New task: ${task.name}`,
      text: `The task "${task.name}" of process ${task.processKey} is assigned to you${delegated}.${task.dueAt ? ` Due ${task.dueAt.toISOString()}.` : ''}`,
      taskId: task.id,
      instanceId: task.instanceId,
    });
  }
}

/**
 * Closes an open task as completed (with who and what they submitted, merged into the
 * task's variables) or canceled (with the reason). A task already closed, or unknown, is
 * left as it is; the audit entry (idempotent by its id) is written in the same transaction.
 */
export async function closeTask({ db, clock = () => new Date() }: ActivityDependencies, input: CloseTaskInput): Promise<void> {
  const submitted = input.variables && Object.keys(input.variables).length > 0 ? input.variables : undefined;
  const task = submitted ? await db.task.findUnique({ where: { id: input.taskId }, select: { state: true, variables: true } }) : undefined;
  if (task === null || (task && task.state !== 'open')) return;
  const closed = { state: input.state, completedAt: clock(), completedBy: input.closedBy ?? null };
  const data =
    input.state === 'completed'
      ? { ...closed, ...(task && submitted ? { variables: toJson({ ...parseObject(task.variables), ...submitted }) } : {}) }
      : { ...closed, closeReason: input.reason ?? null };
  await db.$transaction([
    db.task.updateMany({ where: { id: input.taskId, state: 'open' }, data }),
    ...(input.audit ? [auditUpsert(db, clock, input.audit)] : []),
  ]);
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
