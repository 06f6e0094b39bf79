/**
 * Compensation. When an activity with a compensation handler (a compensation boundary
 * event associated with an `isForCompensation` activity) completes, its scope records
 * it. A compensation throw or end event runs the handlers — of the named activity, or of
 * every recorded activity of the scope, most recent first — and waits for them
 * (Zeebe always waits). Each handler runs once per recorded completion. Inside an event
 * sub-process, the compensation reaches the activities of the scope it interrupts.
 */
import type { ElementContext } from './behaviours/types';
import type { TriggerOfType } from './model';
import type { CompensableRecord, FlowScope } from './scopes';
import { spawnToken } from './tokens';

/** Records the context's element as compensable once it completed (no-op without a handler). */
export function recordCompensable(context: ElementContext): void {
  const handlerId = context.element.compensationHandler;
  if (!handlerId) return;
  context.flowScope.compensable.push({ elementId: context.element.id, handlerId, variables: context.scope() });
}

/** Runs the compensation handlers the trigger asks for, most recent completion first. */
export async function compensate(context: ElementContext, trigger: TriggerOfType<'compensation'>): Promise<void> {
  const scope = compensationScope(context);
  const records = take(scope, trigger.activityRef);
  for (const record of records.reverse()) {
    await spawnToken(context.runtime, record.handlerId, undefined, { scope, resume: { compensating: record.elementId } });
  }
}

function compensationScope(context: ElementContext): FlowScope {
  const scope = context.flowScope;
  const host = scope.elementId ? context.runtime.model.elements[scope.elementId] : undefined;
  return host?.kind === 'eventSubProcess' && scope.parent ? scope.parent : scope;
}

function take(scope: FlowScope, activityRef: string | undefined): CompensableRecord[] {
  const taken = scope.compensable.filter((record) => activityRef === undefined || record.elementId === activityRef);
  const kept = scope.compensable.filter((record) => !taken.includes(record));
  scope.compensable.splice(0, scope.compensable.length, ...kept);
  return taken;
}
