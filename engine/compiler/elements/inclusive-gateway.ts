import { checkGatewayFlows } from '../gateway-flows';
import type { Transformer } from '../transformer';

/**
 * Inclusive gateway: forks onto every outgoing flow whose FEEL condition is true (the
 * default flow when none is), and joins the branches that can still arrive. When it
 * diverges, every outgoing flow needs a condition or must be the default; the default
 * itself has no condition.
 */
export const inclusiveGateway: Transformer<'inclusiveGateway'> = {
  ioMapping: 'none',
  extensions: [],
  transform(element, common, context) {
    const defaultFlow = checkGatewayFlows(element, context, 1);
    return { kind: 'inclusiveGateway', ...common, ...(defaultFlow ? { defaultFlow } : {}) };
  },
};
