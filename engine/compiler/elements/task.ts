import type { Transformer } from '../transformer';

/** Undefined task (`bpmn:task`): the token passes through (input/output mappings apply). */
export const task: Transformer<'task'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: [],
  transform(_element, common) {
    return { kind: 'task', ...common };
  },
};
