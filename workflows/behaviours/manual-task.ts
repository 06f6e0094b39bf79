/** Manual task: done outside the system; the token passes through (its mappings apply). */
import { complete, type Behaviour } from './types';

export const manualTaskBehaviour: Behaviour<'manualTask'> = {
  run: ({ element }) => complete(element.outgoing),
};
