import { readEventTrigger } from '../event-triggers';
import type { Transformer } from '../transformer';

/**
 * Intermediate catch event: waits for a timer (duration or date), a message (name and
 * correlation key), a signal, or is the target of a link throw event with the same name.
 */
export const intermediateCatchEvent: Transformer<'intermediateCatchEvent'> = {
  ioMapping: 'outputs',
  extensions: [],
  transform(element, common, context) {
    const trigger = readEventTrigger(element, 'intermediateCatch', context);
    return trigger && { kind: 'intermediateCatchEvent', ...common, trigger };
  },
};
