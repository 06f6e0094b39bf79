import { checkGatewayFlows } from '../gateway-flows';
import type { Transformer } from '../transformer';

/**
 * Exclusive gateway: takes the first outgoing flow whose FEEL condition is true, else
 * the default flow. When it diverges, every outgoing flow needs a condition or must be
 * the default; the default itself has no condition.
 */
export const exclusiveGateway: Transformer<'exclusiveGateway'> = {
  ioMapping: 'none',
  extensions: [],
  transform(element, common, context) {
    const defaultFlow = checkGatewayFlows(element, context, 0);
    return { kind: 'exclusiveGateway', ...common, ...(defaultFlow ? { defaultFlow } : {}) };
  },
};
