/**
 * Boundary events on any activity: timers (duration, date; cycles for non-interrupting
 * ones), messages and signals are armed once the activity is entered and disarmed when
 * it ends. An interrupting one interrupts the activity's frame (its token continues at
 * the boundary event); a non-interrupting one starts a new token at the boundary event
 * and keeps listening (a cycle fires again, a message can arrive again). Error,
 * escalation and compensation boundary events are not armed: throws and compensation
 * find them (workflows/throw-routing.ts, workflows/compensation.ts).
 */
import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import type { ElementContext } from './behaviours/types';
import type { Variables } from './contract';
import type { ActivityFrame } from './frames';
import type { BoundaryEventElement, EventTrigger } from './model';
import { subscribe } from './subscriptions';
import { planTimer } from './timers';
import { spawnToken } from './tokens';

/** The trigger of a boundary event, including models compiled before `trigger` existed. */
export function boundaryTrigger(boundary: BoundaryEventElement): EventTrigger | undefined {
  return boundary.trigger ?? (boundary.timer ? { type: 'timer', timer: boundary.timer } : undefined);
}

/**
 * Arms every timer, message and signal boundary event of the context's activity.
 *
 * @throws IncidentError when a timer or a correlation key cannot be evaluated (nothing stays armed).
 */
export async function armBoundaryEvents(context: ElementContext, frame: ActivityFrame): Promise<void> {
  const { runtime, element } = context;
  const armed = new CancellationScope({ cancellable: true, parent: frame.cancellation });
  const disarms: (() => Promise<void> | void)[] = [() => armed.cancel()];
  try {
    for (const id of element.boundaryEvents) {
      const boundary = runtime.element(id);
      if (boundary.kind !== 'boundaryEvent') continue;
      const trigger = boundaryTrigger(boundary);
      if (trigger?.type === 'timer') armTimer(context, frame, armed, boundary, trigger);
      else if (trigger?.type === 'message' || trigger?.type === 'signal') disarms.push(await armSubscription(context, frame, armed, boundary, trigger));
    }
  } catch (error) {
    for (const disarm of disarms) await disarm();
    throw error;
  }
  for (const disarm of disarms) frame.onEnd(disarm);
  frame.armed = true;
}

function fire(context: ElementContext, frame: ActivityFrame, boundary: BoundaryEventElement, variables?: Variables): void {
  context.runtime.noteWait();
  if (boundary.cancelActivity) frame.interrupt({ boundaryId: boundary.id, variables });
  else if (!frame.settled) spawnToken(context.runtime, boundary.id, undefined, { scope: frame.scope, resume: { triggered: { variables } } });
}

function armTimer(context: ElementContext, frame: ActivityFrame, armed: CancellationScope, boundary: BoundaryEventElement, trigger: Extract<EventTrigger, { type: 'timer' }>): void {
  const plan = planTimer(trigger.timer, context.scope(), new Date(), `The timer of "${boundary.name}"`, context.runtime.feel);
  const loop = async () => {
    let fireAt: Date | undefined = plan.fireAt;
    while (fireAt && !frame.settled) {
      await sleep(Math.max(0, fireAt.getTime() - Date.now()));
      fire(context, frame, boundary);
      fireAt = boundary.cancelActivity ? undefined : plan.next(fireAt);
    }
  };
  armed.run(loop).catch(ignoreCancellation);
}

async function armSubscription(
  context: ElementContext,
  frame: ActivityFrame,
  armed: CancellationScope,
  boundary: BoundaryEventElement,
  trigger: Extract<EventTrigger, { type: 'message' | 'signal' }>,
): Promise<() => Promise<void>> {
  let wait = await subscribe(context, trigger, { elementId: boundary.id });
  const loop = async () => {
    while (!frame.settled) {
      const received = await wait.received;
      if (frame.settled) return;
      fire(context, frame, boundary, received.variables);
      if (boundary.cancelActivity) return;
      await wait.close();
      wait = await subscribe(context, trigger, { elementId: boundary.id });
    }
  };
  armed.run(() => Promise.race([loop(), CancellationScope.current().cancelRequested])).catch(ignoreCancellation);
  return () => CancellationScope.nonCancellable(() => wait.close());
}

function ignoreCancellation(error: unknown): void {
  if (!isCancellation(error)) throw error;
}
