/**
 * Exclusive gateway: the first outgoing flow (in model order) whose condition is true,
 * else the default flow, else an incident. A flow without a condition always matches.
 */
import { evaluateCondition } from '../feel';
import { IncidentError } from '../incident-error';
import { complete, type Behaviour } from './types';

export const exclusiveGatewayBehaviour: Behaviour<'exclusiveGateway'> = {
  run: (context) => {
    const { element, runtime } = context;
    const scope = context.scope();
    const hints: string[] = [];
    for (const flowId of element.outgoing) {
      if (flowId === element.defaultFlow) continue;
      const condition = runtime.model.flows[flowId]?.condition;
      if (condition === undefined || condition.trim() === '') return complete([flowId]);
      const { met, warnings } = evaluateCondition(condition, scope, runtime.feel);
      if (met) return complete([flowId]);
      hints.push(...warnings);
    }
    if (element.defaultFlow) return complete([element.defaultFlow]);
    const why = hints.length > 0 ? ` (${[...new Set(hints)].join('; ')})` : '';
    throw new IncidentError(`No outgoing flow condition matched at gateway "${element.name}" and it has no default flow${why}`);
  },
};
