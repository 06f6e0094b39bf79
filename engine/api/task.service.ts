/**
 * Human tasks: listing and reading them within the caller's scope, claiming, and
 * completing them through the running workflow. The database rows are a read model
 * written by the interpreter's activities; completion goes through a Temporal update
 * whose handler closes the row before it answers.
 */
import type { z } from 'zod';
import type { Variables } from '../../workflows/contract';
import type { FormLink } from '../../workflows/model';
import { validateSubmission } from '../forms/validate';
import { canClaim, canComplete, canSeeTask, canUnclaim } from './access';
import type { ApiDeps, AuthUser, Db } from './context';
import { conflict, forbidden, notFound, unprocessable } from './errors';
import { resolveFormSchema } from './form.service';
import type { TaskDetail } from './schemas/task.schemas';
import type { SignatureInput } from './schemas/signature.schemas';
import { auditSigned, checkSignature, recordSignature, signatureRequirement } from './signature.service';
import { listSignatures } from './signature-view';
import { sendCompleteTask } from './temporal-gateway';
import { loadTask, parseJson, type TaskSummaryView as Summary, type TaskRow, toTaskSummary } from './task-view';
import { recordAudit } from './audit-entry';

export { listTasks } from './task-query';
export { reassignTask } from './task-reassign';

type Detail = z.output<typeof TaskDetail>;

/** The task with its summary, or HttpError 404 when it does not exist. */
async function findTask(db: Db, id: string): Promise<{ row: TaskRow; task: Summary }> {
  const row = await loadTask(db, id);
  if (!row) throw notFound(`No task "${id}"`);
  return { row, task: toTaskSummary(row) };
}

/**
 * One task with its resolved form, variables and signature (what signing asks of the
 * caller in session `sessionId`, and the signature once signed); 404 when missing or
 * not the caller's to see.
 */
export async function getTask(db: Db, user: AuthUser, id: string, sessionId: string | null = null): Promise<Detail> {
  const { row, task } = await findTask(db, id);
  if (!canSeeTask(user, task)) throw notFound(`No task "${id}"`);
  const link = parseJson<FormLink | null>(row.form, null);
  return {
    ...task,
    form: await resolveFormSchema(db, link),
    formId: link?.formId ?? null,
    variables: parseJson<Variables>(row.variables, {}),
    signature: task.state === 'open' ? await signatureRequirement(db, user, row, sessionId) : null,
    signatures: await listSignatures(db, { taskId: id }),
  };
}

async function audit(db: Db, actor: string, action: string, row: TaskRow, details: Record<string, unknown> = {}) {
  await recordAudit(db, { actor, action, instanceId: row.instanceId, taskId: row.id, details });
}

/**
 * Assigns an open, unassigned task to the caller (a candidate, or an admin). Claiming
 * one's own task again changes nothing. 403 when not a candidate, 409 when the task is
 * closed or someone else holds it.
 */
export async function claimTask(db: Db, user: AuthUser, id: string): Promise<Summary> {
  const { row, task } = await findTask(db, id);
  if (!canClaim(user, task)) throw forbidden('Only a candidate of this task may claim it');
  if (task.state !== 'open') throw conflict(`The task is ${task.state}`);
  if (task.assignee === user.username) return task;
  if (task.assignee !== null) throw conflict(`The task is already claimed by ${task.assignee}`);
  const { count } = await db.task.updateMany({ where: { id, state: 'open', assignee: null }, data: { assignee: user.username } });
  if (count === 0) throw conflict('The task was claimed or closed a moment ago');
  await audit(db, user.username, 'task.claimed', row);
  return (await findTask(db, id)).task;
}

/** Gives an open task back to its candidates (assignee, admin, or the assignee's manager). */
export async function unclaimTask(db: Db, user: AuthUser, id: string): Promise<Summary> {
  const { row, task } = await findTask(db, id);
  if (!canUnclaim(user, task)) throw forbidden('Only the assignee or their manager may unclaim this task');
  if (task.state !== 'open') throw conflict(`The task is ${task.state}`);
  if (task.assignee === null) return task;
  const { count } = await db.task.updateMany({ where: { id, state: 'open', assignee: task.assignee }, data: { assignee: null } });
  if (count === 0) throw conflict('The task changed a moment ago');
  await audit(db, user.username, 'task.unclaimed', row, { previousAssignee: task.assignee });
  return (await findTask(db, id)).task;
}

/** An electronic signature given with a completion, and the session it is given in. */
export interface SignedBy {
  signature?: z.output<typeof SignatureInput>;
  sessionId: string | null;
}

/**
 * Completes a task with `variables`: 404 unknown, 403 not the caller's to complete,
 * 409 not open (or the process refuses), 422 when the variables fail the task's form.
 * A step that requires an electronic signature needs `signed.signature` (see
 * signature.service.ts for its 400/403/429). An unassigned task is claimed for the
 * caller first. Returns the closed task.
 */
export async function completeTask(deps: ApiDeps, user: AuthUser, id: string, variables: Variables, signed: SignedBy = { sessionId: null }): Promise<Summary> {
  const { row, task } = await findTask(deps.db, id);
  if (!canComplete(user, task)) {
    throw forbidden(task.assignee ? `The task is assigned to ${task.assignee}` : 'Only a candidate of this task may complete it');
  }
  if (task.state !== 'open') throw conflict(`The task is already ${task.state}`);
  const form = await resolveFormSchema(deps.db, parseJson<FormLink | null>(row.form, null));
  const violations = validateSubmission(form, variables, parseJson<Variables>(row.variables, {}));
  if (violations.length > 0) throw unprocessable('The variables do not satisfy the task form', violations);
  await checkSignature(deps.db, user, row, signed.signature, signed.sessionId);
  if (task.assignee === null) {
    const { count } = await deps.db.task.updateMany({ where: { id, state: 'open', assignee: null }, data: { assignee: user.username } });
    if (count === 0) throw conflict('The task was claimed or closed a moment ago');
    await audit(deps.db, user.username, 'task.claimed', row, { implicit: true });
  }
  if (signed.signature) await recordSignature(deps.db, user, row, signed.signature.meaning, variables, signed.sessionId);
  await sendCompleteTask(deps, task.instanceId, { taskId: id, variables, completedBy: user.username });
  if (signed.signature) await auditSigned(deps.db, row);
  return (await findTask(deps.db, id)).task;
}
