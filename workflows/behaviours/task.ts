/** Undefined task (`bpmn:task`): the token passes through (its mappings apply). */
import { complete, type Behaviour } from './types';

export const taskBehaviour: Behaviour<'task'> = {
  run: ({ element }) => complete(element.outgoing),
};
