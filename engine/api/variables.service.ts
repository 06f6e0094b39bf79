/**
 * Correcting a running instance's process variables: admins only, with a reason. The
 * running workflow makes the change (the `setVariables` update) and writes the audit
 * entry with the earlier values; the answer is read back once the instance recorded it.
 * The open tasks' copies of the variables (what their forms show and would submit back)
 * take the new values too, so completing a task does not restore an old value.
 */
import type { z } from 'zod';
import type { InstanceStatus, Variables } from '../../workflows/contract';
import { type ApiDeps, type AuthUser, type Db, hasRole } from './context';
import { conflict, forbidden } from './errors';
import { findVisibleInstance } from './instance-detail.service';
import { sendSetVariables } from './temporal-gateway';
import type { VariablesEditBody, VariablesEdited } from './schemas/variables.schemas';

const ENDED: InstanceStatus[] = ['completed', 'terminated', 'canceled'];

/**
 * Sets `body.variables` on the running instance `id` for `user` (an admin).
 * Throws HttpError 403 for anyone else, 404 for an unknown instance, 409 when it has
 * ended or the workflow refuses, 503 when Temporal is unreachable.
 */
export async function editInstanceVariables(
  deps: ApiDeps,
  user: AuthUser,
  id: string,
  body: z.output<typeof VariablesEditBody>,
): Promise<z.output<typeof VariablesEdited>> {
  if (!hasRole(user, 'admin')) throw forbidden('Only an admin may change the variables of an instance');
  const row = await findVisibleInstance(deps.db, user, id);
  if (ENDED.includes(row.status as InstanceStatus)) throw conflict(`The instance has ${row.status === 'completed' ? 'completed' : 'ended'}; its variables can no longer change`);
  await sendSetVariables(deps, id, { variables: body.variables, reason: body.reason, changedBy: user.username });
  await refreshOpenTasks(deps.db, id, body.variables);
  const updated = await deps.db.instance.findUniqueOrThrow({ where: { id }, select: { variables: true } });
  return { id, changed: Object.keys(body.variables), variables: JSON.parse(updated.variables) as Variables };
}

async function refreshOpenTasks(db: Db, instanceId: string, variables: Variables): Promise<void> {
  const open = await db.task.findMany({ where: { instanceId, state: 'open' }, select: { id: true, variables: true } });
  await db.$transaction(
    open.map((task) =>
      db.task.updateMany({
        where: { id: task.id, state: 'open' },
        data: { variables: JSON.stringify({ ...(JSON.parse(task.variables) as Variables), ...variables }) },
      }),
    ),
  );
}
