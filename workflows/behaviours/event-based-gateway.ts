/**
 * Event-based gateway: waits for every event after it at once (timers, messages,
 * signals; receive tasks wait for their message); the first to happen wins, the others
 * are closed. The token continues at the winning event, which completes at once with the
 * variables the event brought (`resume.triggered`).
 */
import { CancellationScope, sleep } from '@temporalio/workflow';
import type { Variables } from '../contract';
import { isPlainObject } from '../feel';
import { IncidentError } from '../incident-error';
import type { EventBasedGatewayElement, EventTrigger } from '../model';
import type { InstanceRuntime } from '../runtime';
import { subscribe, type EventWait } from '../subscriptions';
import { planTimer } from '../timers';
import type { Behaviour, ElementContext } from './types';

interface Winner {
  eventId: string;
  variables?: Variables;
}

/** What the gateway hands to `context.waiting`: each timer's fire time (subscriptions are opened again under the same ids). */
interface GatewayResume {
  fireAt?: Record<string, string>;
}

export const eventBasedGatewayBehaviour: Behaviour<'eventBasedGateway'> = {
  run: async (context) => {
    const events = followingEvents(context.runtime, context.element);
    const resume = isPlainObject(context.token.resume) ? (context.token.resume as GatewayResume) : {};
    const now = new Date();
    const fireAt: Record<string, string> = {};
    for (const { id, trigger } of events) {
      if (trigger.type !== 'timer') continue;
      fireAt[id] = resume.fireAt?.[id] ?? planTimer(trigger.timer, context.scope(), now, `The timer of "${context.runtime.element(id).name}"`, context.runtime.feel).fireAt.toISOString();
    }
    const timers = new CancellationScope();
    const waits: EventWait[] = [];
    try {
      const candidates: Promise<Winner>[] = [];
      for (const { id, trigger } of events) {
        if (trigger.type === 'timer') {
          const timer = timers.run(() => sleep(Math.max(0, Date.parse(fireAt[id]) - Date.now()))).then(() => ({ eventId: id }));
          // Cancelled once another event wins: nothing waits for it then.
          timer.catch(() => undefined);
          candidates.push(timer);
        } else if (trigger.type === 'message' || trigger.type === 'signal') {
          const wait = await subscribe(context, trigger, { elementId: id });
          waits.push(wait);
          candidates.push(wait.received.then((request) => ({ eventId: id, variables: request.variables })));
        }
      }
      context.waiting({ fireAt } satisfies GatewayResume);
      const winner = await Promise.race([...candidates, CancellationScope.current().cancelRequested]);
      context.runtime.noteWait();
      return { kind: 'leave', to: winner.eventId, resume: { triggered: { variables: winner.variables } }, completed: true };
    } finally {
      timers.cancel();
      await CancellationScope.nonCancellable(async () => {
        for (const wait of waits) await wait.close();
      });
    }
  },
};

/**
 * The events after the gateway with what each waits for.
 *
 * @throws IncidentError when a flow leads to something that is not a catch event (the compiler should have said so).
 */
function followingEvents(runtime: InstanceRuntime, gateway: EventBasedGatewayElement): { id: string; trigger: EventTrigger }[] {
  return gateway.outgoing.map((flowId) => {
    const target = runtime.element(runtime.model.flows[flowId]?.targetRef ?? '');
    if (target.kind === 'intermediateCatchEvent') return { id: target.id, trigger: target.trigger };
    if (target.kind === 'receiveTask') return { id: target.id, trigger: target.message };
    throw new IncidentError(`The event-based gateway "${gateway.name}" leads to "${target.name}", which is not an event it can wait for`);
  });
}
