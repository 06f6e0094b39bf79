import { describe } from '../labels';
import { children } from '../moddle-access';
import type { Transformer } from '../transformer';

/** None start event: where every instance begins. Message, timer and other start events are not supported yet. */
export const startEvent: Transformer<'startEvent'> = {
  ioMapping: 'outputs',
  extensions: [],
  transform(element, common, { diagnostics }) {
    if (children(element, 'eventDefinitions').length > 0) {
      diagnostics.error(element, `${describe(element)} is not supported yet`);
      return undefined;
    }
    return { kind: 'startEvent', ...common };
  },
};
