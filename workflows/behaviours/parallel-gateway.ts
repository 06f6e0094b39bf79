/**
 * Parallel gateway. As a fork it sends a token along every outgoing flow. As a join it
 * counts arriving tokens per incoming flow and activates once every incoming flow holds
 * at least one, consuming one token from each (so a second round joins again). Counts
 * are kept per flow scope: each sub-process instance joins its own tokens.
 */
import { complete, type Behaviour } from './types';

export const parallelGatewayBehaviour: Behaviour<'parallelGateway'> = {
  run: ({ element, token, flowScope }) => {
    if (element.incoming.length <= 1) return complete(element.outgoing);
    const joins = flowScope.joins;
    const waiting = joins.get(element.id) ?? new Map<string, number>();
    joins.set(element.id, waiting);
    const arrivedBy = token.viaFlow ?? element.incoming[0];
    waiting.set(arrivedBy, (waiting.get(arrivedBy) ?? 0) + 1);
    if (!element.incoming.every((flow) => (waiting.get(flow) ?? 0) > 0)) return { kind: 'absorbed' };
    for (const flow of element.incoming) waiting.set(flow, (waiting.get(flow) ?? 0) - 1);
    return complete(element.outgoing);
  },
};
