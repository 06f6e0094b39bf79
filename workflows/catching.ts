/**
 * Waiting at an element for the event it catches (an intermediate timer / message /
 * signal catch event, a receive task): a durable timer or a subscription. The wait is
 * registered with `context.waiting(...)` so it survives continue-as-new, and picked up
 * from `token.resume` instead of starting again. An event an event-based gateway already
 * received arrives as `token.resume.triggered` and completes the element at once.
 */
import { CancellationScope, sleep } from '@temporalio/workflow';
import type { ElementContext } from './behaviours/types';
import { triggeredBy } from './behaviours/triggered';
import type { Variables } from './contract';
import { isPlainObject } from './feel';
import type { TriggerOfType } from './model';
import { subscribe } from './subscriptions';
import { planTimer } from './timers';

/** What a waiting element hands to `context.waiting` (and gets back in `token.resume`). */
interface CatchResume {
  /** A timer's fire time (ISO). */
  fireAt?: string;
  /** A subscription was open (it is opened again under the same id). */
  subscribed?: boolean;
}

export type CatchTrigger = TriggerOfType<'timer'> | TriggerOfType<'message'> | TriggerOfType<'signal'>;

/**
 * Waits until the trigger happens and returns the variables it brought (a message's or
 * signal's; none for a timer). Stops when the token's cancellation scope is cancelled;
 * an open subscription is closed either way.
 *
 * @throws IncidentError when the timer or the message name / correlation key cannot be evaluated.
 */
export async function catchEvent(context: ElementContext, trigger: CatchTrigger): Promise<Variables | undefined> {
  const triggered = triggeredBy(context);
  if (triggered) return triggered.variables;
  const resume = resumeOf(context);
  if (trigger.type === 'timer') {
    const fireAt = resume.fireAt ? new Date(resume.fireAt) : planTimer(trigger.timer, context.scope(), new Date(), `The timer of "${context.element.name}"`, context.runtime.feel).fireAt;
    context.waiting({ fireAt: fireAt.toISOString() } satisfies CatchResume);
    await sleepUntil(fireAt);
    context.runtime.noteWait();
    return undefined;
  }
  const wait = await subscribe(context, trigger);
  try {
    context.waiting({ subscribed: true } satisfies CatchResume);
    const received = await Promise.race([wait.received, CancellationScope.current().cancelRequested]);
    context.runtime.noteWait();
    return received.variables;
  } finally {
    await CancellationScope.nonCancellable(() => wait.close());
  }
}

/** A durable timer until `at` (at once when it has passed); cancelled with the current scope. */
export function sleepUntil(at: Date): Promise<void> {
  return sleep(Math.max(0, at.getTime() - Date.now()));
}

function resumeOf(context: ElementContext): CatchResume {
  const resume = context.token.resume;
  return isPlainObject(resume) ? (resume as CatchResume) : {};
}
