/**
 * Event sub-process, once its start event has fired (workflows/event-sub-processes.ts
 * starts its token with the event in `token.resume`): runs like an embedded sub-process
 * from that start event, which completes at once with what the event brought.
 */
import { runScope } from './sub-process';
import type { Behaviour } from './types';

export const eventSubProcessBehaviour: Behaviour<'eventSubProcess'> = {
  run: (context) => runScope(context, context.element.startEventId, context.token.resume),
};
