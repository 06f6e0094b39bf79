/**
 * Timer boundary events on a waiting activity. Before the activity waits, every attached
 * timer is evaluated (a bad duration is an incident on the activity); while it waits, the
 * timers run as durable timers in one cancellation scope, disarmed when the activity ends.
 * An interrupting timer ends the activity and the token continues at the boundary event;
 * a non-interrupting one fires once and spawns a new token there. Entered, the boundary
 * event itself simply completes along its outgoing flows.
 */
import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import type { Variables } from '../contract';
import { timerDelayMs } from '../durations';
import { evaluateValue } from '../feel';
import type { BoundaryEventElement } from '../model';
import { triggeredBy } from './triggered';
import { complete, type Behaviour, type ElementContext } from './types';

export const boundaryEventBehaviour: Behaviour<'boundaryEvent'> = {
  run: (context) => complete(context.element.outgoing, triggeredBy(context)?.variables),
};

export interface BoundaryTimer {
  boundary: BoundaryEventElement;
  delayMs: number;
}

/**
 * Evaluates the timers attached to the context's element.
 *
 * @throws IncidentError when a duration is missing or not an ISO 8601 duration.
 */
export function planBoundaryTimers(context: ElementContext, scope: Variables, now: Date): BoundaryTimer[] {
  const timers: BoundaryTimer[] = [];
  for (const id of context.element.boundaryEvents) {
    const boundary = context.runtime.element(id);
    if (boundary.kind !== 'boundaryEvent' || boundary.timer?.duration === undefined) continue;
    const duration = evaluateValue(boundary.timer.duration, scope);
    timers.push({ boundary, delayMs: timerDelayMs(duration, now, `The timer of "${boundary.name}"`) });
  }
  return timers;
}

export interface ArmedTimers {
  /** Resolves with the interrupting boundary event that fired first. */
  interrupted: Promise<BoundaryEventElement>;
  /** Cancels the timers that have not fired. */
  disarm(): void;
}

/**
 * Starts the timers. `claim()` is asked when an interrupting timer fires: it returns true
 * when the activity was still waiting and now belongs to the timer; `isWaiting()` guards
 * non-interrupting timers.
 */
export function armBoundaryTimers(
  context: ElementContext,
  timers: BoundaryTimer[],
  activity: { isWaiting(): boolean; claim(): boolean },
): ArmedTimers {
  const scope = new CancellationScope();
  let interrupt: (boundary: BoundaryEventElement) => void = () => {};
  const interrupted = new Promise<BoundaryEventElement>((resolve) => (interrupt = resolve));
  for (const { boundary, delayMs } of timers) {
    scope.run(() => sleep(delayMs)).then(
      () => {
        context.runtime.noteWait();
        if (boundary.cancelActivity) {
          if (activity.claim()) interrupt(boundary);
        } else if (activity.isWaiting()) {
          context.spawn(boundary.id);
        }
      },
      (error: unknown) => {
        if (!isCancellation(error)) throw error;
      },
    );
  }
  return { interrupted, disarm: () => scope.cancel() };
}
