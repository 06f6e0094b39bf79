/**
 * Start event. A none start event passes straight through. A start event that was
 * triggered (a message or signal start, an event sub-process's start) completes with
 * what the event brought: its variables propagate, error/escalation details
 * (`errorCode`, `errorMessage`, `escalationCode`) are local, for its output mappings.
 */
import { triggeredBy } from './triggered';
import { complete, type Behaviour } from './types';

export const startEventBehaviour: Behaviour<'startEvent'> = {
  run: (context) => {
    const triggered = triggeredBy(context);
    return complete(context.element.outgoing, triggered?.variables);
  },
};
