/**
 * Intermediate catch event. Timer (duration, date; a cycle fires once here): a durable
 * timer. Message and signal: waits on a subscription; the variables it brings are
 * merged. Link: a link throw event in the same scope jumped here; it passes through.
 * Reached from an event-based gateway, the event already happened and it completes at once.
 */
import { catchEvent } from '../catching';
import { IncidentError } from '../incident-error';
import { complete, type Behaviour } from './types';

export const intermediateCatchEventBehaviour: Behaviour<'intermediateCatchEvent'> = {
  run: async (context) => {
    const { element } = context;
    const trigger = element.trigger;
    switch (trigger.type) {
      case 'link':
      case 'none':
        return complete(element.outgoing);
      case 'timer':
      case 'message':
      case 'signal':
        return complete(element.outgoing, await catchEvent(context, trigger));
      default:
        throw new IncidentError(`An intermediate catch event cannot wait for a ${trigger.type} event ("${element.name}")`);
    }
  },
};
