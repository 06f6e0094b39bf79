/**
 * Variables a large multi-instance body shares with its jobs. A job's activity input
 * carries every variable visible to it, so n jobs over an n-item input collection would
 * write n copies of the collection into the history (n² bytes). Instead the body stores
 * its large variables once (a local activity: its input never reaches the history) and
 * each job carries a reference the service-task activity resolves before the handler
 * runs (activities/shared-variables.ts): the handler sees the same variables as before.
 *
 * A variable is shared while it keeps the value stored (compared by identity); one an
 * instance wrote since travels with the job as usual. The body's output collection is
 * withheld from the jobs of a large body: it fills as instances complete, so what a job
 * would see of it depends on timing, and a copy per job would cost n² again.
 */
import { CancellationScope, uuid4 } from '@temporalio/workflow';
import type { SharedVariablesRef } from '../activities/types';
import type { Variables } from './contract';
import { effect } from './effects';
import type { InstanceRuntime } from './runtime';
import type { FlowScope } from './scopes';

/** What the copies of a variable in a body's jobs may add up to before it is stored once instead. */
const SHARE_ABOVE_BYTES = 256 * 1024;
/** Smaller variables always travel with the job. */
const SMALLEST_SHARED_BYTES = 1024;
/** What an entry of the output collection costs a job at least (`null,`). */
const BYTES_PER_OUTPUT_ENTRY = 5;

interface SharedSet {
  id: string;
  values: Variables;
  withheld: string[];
  body: FlowScope;
}

const registered = new WeakMap<FlowScope, SharedSet>();

/** The plan for one body: its variables worth sharing and the names its jobs do not receive. */
export interface SharingPlan {
  values: Variables;
  withheld: string[];
}

/**
 * Which of the variables visible in `body` its `instances` jobs should not each carry;
 * undefined when none (a small body runs as before). `reserved` names (the counters) are
 * never shared; `outputCollection` is withheld once its copies would matter.
 */
export function planSharing(body: FlowScope, instances: number, reserved: string[], outputCollection?: string): SharingPlan | undefined {
  const values: Variables = {};
  const skip = new Set([...reserved, ...(outputCollection ? [outputCollection] : [])]);
  for (const [name, value] of Object.entries(body.visible())) {
    if (skip.has(name) || value === null || (typeof value !== 'object' && typeof value !== 'string')) continue;
    const size = typeof value === 'string' ? value.length : (JSON.stringify(value)?.length ?? 0);
    if (size >= SMALLEST_SHARED_BYTES && size * instances >= SHARE_ABOVE_BYTES) values[name] = value;
  }
  const withheld = outputCollection && instances * instances * BYTES_PER_OUTPUT_ENTRY >= SHARE_ABOVE_BYTES ? [outputCollection] : [];
  return Object.keys(values).length > 0 || withheld.length > 0 ? { values, withheld } : undefined;
}

/**
 * Stores the plan's variables once and lets the jobs of `body` refer to them. Returns the
 * release: deletes every row the body stored (call it when the body ends, not when the
 * run hands over to a new one, which stores them again).
 */
export async function shareWithJobs(runtime: InstanceRuntime, body: FlowScope, bodyId: string, plan: SharingPlan): Promise<() => Promise<void>> {
  const id = `${bodyId}:${uuid4()}`;
  if (Object.keys(plan.values).length > 0) {
    await effect(runtime, 'storeSharedVariables', { id, instanceId: runtime.instanceId, bodyId, variables: plan.values });
  }
  registered.set(body, { id, values: plan.values, withheld: plan.withheld, body });
  return () => {
    registered.delete(body);
    if (Object.keys(plan.values).length === 0) return Promise.resolve();
    return CancellationScope.nonCancellable(() => effect(runtime, 'releaseSharedVariables', { bodyId }));
  };
}

/**
 * A job's variables without what the bodies around `scope` share or withhold, and the
 * references to add back in the activity. `variables` is not changed.
 */
export function jobVariables(scope: FlowScope, variables: Variables): { variables: Variables; sharedVariables?: SharedVariablesRef[] } {
  let result = variables;
  const refs: SharedVariablesRef[] = [];
  const drop = (name: string) => {
    if (result === variables) result = { ...variables };
    delete result[name];
  };
  for (let current: FlowScope | undefined = scope; current; current = current.parent) {
    const set = registered.get(current);
    if (!set) continue;
    const names: string[] = [];
    for (const [name, value] of Object.entries(set.values)) {
      if (Object.hasOwn(result, name) && result[name] === value) {
        drop(name);
        names.push(name);
      }
    }
    for (const name of set.withheld) {
      if (Object.hasOwn(result, name) && result[name] === set.body.variables[name]) drop(name);
    }
    if (names.length > 0) refs.push({ id: set.id, names });
  }
  return refs.length > 0 ? { variables: result, sharedVariables: refs } : { variables: result };
}

/** Bytes of the variables a job in `body` carries under the plan (without what is shared or withheld). */
export function jobBytes(body: FlowScope, plan: SharingPlan | undefined): number {
  const visible = body.visible();
  for (const name of [...Object.keys(plan?.values ?? {}), ...(plan?.withheld ?? [])]) delete visible[name];
  return JSON.stringify(visible).length;
}
