/**
 * Element visits: how long each token stayed in an element (entered → left, in workflow
 * time), for the heatmap. A finished visit waits in `runtime.unwrittenVisits` until a
 * `recordInstanceState` carrying it has succeeded; the activity upserts it by the token's
 * element instance id, so a retried or repeated write adds nothing. Visits are data in an
 * existing write, never a command of their own, so replays of older histories are unchanged.
 */
import type { ElementVisitInput } from '../activities/types';
import type { InstanceRuntime } from './runtime';

/** Notes when the token entered its element (once: a token picked up after continue-as-new keeps its time). */
export function visitStarted(runtime: InstanceRuntime, elementInstanceId: string): void {
  if (!runtime.enteredAt.has(elementInstanceId)) runtime.enteredAt.set(elementInstanceId, Date.now());
}

/**
 * The element completed: appends it to the path and keeps the visit for the next state
 * write. Visits of no measurable time (automatic steps within one workflow task) are not
 * kept: they would fill the table with zeros.
 */
export function visitCompleted(runtime: InstanceRuntime, elementId: string, elementInstanceId: string): void {
  runtime.path.push(elementId);
  const enteredAt = runtime.enteredAt.get(elementInstanceId);
  runtime.enteredAt.delete(elementInstanceId);
  if (enteredAt === undefined) return;
  const leftAt = Date.now();
  if (leftAt > enteredAt) runtime.unwrittenVisits.push({ elementId, elementInstanceId, enteredAt, leftAt });
}

/** The token left without completing (interrupted, canceled, failed): its visit is not timed. */
export function visitAbandoned(runtime: InstanceRuntime, elementInstanceId: string): void {
  runtime.enteredAt.delete(elementInstanceId);
}

/** Forgets the visits a successful write carried (later visits stay for the next one). */
export function visitsWritten(runtime: InstanceRuntime, written: ElementVisitInput[]): void {
  if (written.length === 0) return;
  const done = new Set(written);
  const rest = runtime.unwrittenVisits.filter((visit) => !done.has(visit));
  runtime.unwrittenVisits.length = 0;
  runtime.unwrittenVisits.push(...rest);
}
