import type { Transformer } from '../transformer';

/**
 * Parallel gateway: forks a token onto every outgoing flow and joins by waiting for a
 * token on every incoming flow. Conditions on its outgoing flows are rejected where
 * flows are built (`sequence-flows.ts`).
 */
export const parallelGateway: Transformer<'parallelGateway'> = {
  ioMapping: 'none',
  extensions: [],
  transform(_element, common) {
    return { kind: 'parallelGateway', ...common };
  },
};
