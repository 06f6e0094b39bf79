/** None start event: the instance's first token passes straight through. */
import { complete, type Behaviour } from './types';

export const startEventBehaviour: Behaviour<'startEvent'> = {
  run: ({ element }) => complete(element.outgoing),
};
