/**
 * End event. A none end event consumes its token; a terminate end event also stops every
 * other token of the instance and cancels its open tasks (the instance completes, as in Camunda).
 */
import { complete, type Behaviour } from './types';

export const endEventBehaviour: Behaviour<'endEvent'> = {
  run: ({ element, runtime }) => {
    if (element.terminate && !runtime.stopRequest) {
      runtime.stopRequest = { kind: 'terminate', elementId: element.id };
    }
    return complete([]);
  },
};
