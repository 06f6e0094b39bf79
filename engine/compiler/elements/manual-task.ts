import type { Transformer } from '../transformer';

/** Manual task: done outside the system; the token passes through (input/output mappings apply). */
export const manualTask: Transformer<'manualTask'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: [],
  transform(_element, common) {
    return { kind: 'manualTask', ...common };
  },
};
