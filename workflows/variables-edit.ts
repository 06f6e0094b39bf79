/**
 * Process variables corrected by hand (the `setVariables` update): an admin sets the value
 * of top-level process variables of a running instance, with a reason. The change merges
 * into the process scope like a retry's variables do, and one audit entry records who,
 * why, and each variable's earlier and new value, so earlier values are never obscured
 * (21 CFR Part 11 §11.10(e)). No `patched()` gate is needed: a new update handler changes
 * nothing in histories that never received the update.
 */
import { uuid4 } from '@temporalio/workflow';
import { variablesAudit } from './audit';
import type { SetVariablesRequest, Variables } from './contract';
import { effect } from './effects';
import { isPlainObject } from './feel';
import type { InstanceRuntime } from './runtime';

/** One variable as it was and as it is now; `before` is absent when the variable is new. */
interface VariableChange {
  name: string;
  before?: unknown;
  after: unknown;
}

/**
 * Checks a variables edit (the update validator).
 *
 * @throws Error with a message the API can show (it answers 409) when the instance has
 * ended or is ending, or the request has no variables, reason or author.
 */
export function validateVariablesEdit(runtime: InstanceRuntime, request: SetVariablesRequest): void {
  if (!request || !isPlainObject(request.variables) || Object.keys(request.variables).length === 0) {
    throw new Error('A variables change needs at least one variable');
  }
  if (typeof request.reason !== 'string' || request.reason.trim() === '') throw new Error('A variables change needs a reason');
  if (typeof request.changedBy !== 'string' || request.changedBy === '') throw new Error('A variables change needs who changed them');
  if (runtime.stopRequest || runtime.endedWith) {
    throw new Error(`Instance ${runtime.instanceId} is ending or has ended; its variables can no longer change`);
  }
}

/** Merges the request's variables into the process scope and writes the audit entry. */
export async function editVariables(runtime: InstanceRuntime, request: SetVariablesRequest): Promise<void> {
  const changes = changesOf(runtime.variables, request.variables);
  runtime.mergeVariables(request.variables);
  await effect(runtime, 'audit', variablesAudit(runtime, uuid4(), request.changedBy, { reason: request.reason.trim(), changes }));
}

function changesOf(current: Variables, next: Variables): VariableChange[] {
  return Object.entries(next).map(([name, after]) =>
    Object.hasOwn(current, name) ? { name, before: current[name], after } : { name, after },
  );
}
