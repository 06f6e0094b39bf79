/**
 * Inclusive gateway. As a fork it takes every outgoing flow whose condition is true (a
 * flow without one always counts), else the default flow, else it raises an incident.
 * As a join it waits only for the branches that can still arrive: the first token to
 * arrive holds the gateway, later ones are counted and absorbed, and once no other token
 * of the same flow scope can still reach the gateway (re-checked whenever tokens move)
 * the gateway fires, consuming one arrival per incoming flow.
 */
import { condition } from '@temporalio/workflow';
import { evaluateCondition, isPlainObject } from '../feel';
import { IncidentError } from '../incident-error';
import type { InclusiveGatewayElement } from '../model';
import type { FlowScope } from '../scopes';
import { canReach } from './reachability';
import { complete, type Behaviour, type ElementContext } from './types';

/** Flow scope → the inclusive gateways that have a token holding them (waiting for the join). */
const held = new WeakMap<FlowScope, Set<string>>();

export const inclusiveGatewayBehaviour: Behaviour<'inclusiveGateway'> = {
  run: async (context) => {
    const { element, token, flowScope } = context;
    if (element.incoming.length > 1) {
      const resumed = isPlainObject(token.resume) && token.resume.joining === true;
      const arrivals = arrivalsAt(flowScope, element.id);
      if (!resumed) {
        const flow = token.viaFlow ?? element.incoming[0];
        arrivals.set(flow, (arrivals.get(flow) ?? 0) + 1);
      }
      const holders = held.get(flowScope) ?? new Set<string>();
      held.set(flowScope, holders);
      if (holders.has(element.id)) return { kind: 'absorbed' };
      holders.add(element.id);
      try {
        context.waiting({ joining: true });
        await condition(() => !otherTokenCanArrive(context));
      } finally {
        holders.delete(element.id);
      }
      for (const [flow, count] of arrivals) if (count > 0) arrivals.set(flow, count - 1);
    }
    return context.attempt(() => complete(chooseFlows(context)));
  },
};

function arrivalsAt(scope: FlowScope, gatewayId: string): Map<string, number> {
  const arrivals = scope.joins.get(gatewayId) ?? new Map<string, number>();
  scope.joins.set(gatewayId, arrivals);
  return arrivals;
}

/** True while another token of the gateway's flow scope (or a parked one, for the process scope) can still reach it. */
function otherTokenCanArrive(context: ElementContext<InclusiveGatewayElement>): boolean {
  const { runtime, element, token, flowScope } = context;
  for (const [elementInstanceId, elementId] of flowScope.tokens) {
    if (elementInstanceId !== token.elementInstanceId && elementId !== element.id && canReach(runtime.model, elementId, element.id)) return true;
  }
  if (flowScope === runtime.root) {
    for (const parked of runtime.parked.values()) if (canReach(runtime.model, parked.elementId, element.id)) return true;
  }
  return false;
}

/**
 * Every outgoing flow whose condition holds, else the default flow.
 *
 * @throws IncidentError when none holds and there is no default flow.
 */
function chooseFlows(context: ElementContext<InclusiveGatewayElement>): string[] {
  const { element, runtime } = context;
  const scope = context.scope();
  const taken: string[] = [];
  const hints: string[] = [];
  for (const flowId of element.outgoing) {
    if (flowId === element.defaultFlow) continue;
    const conditionText = runtime.model.flows[flowId]?.condition;
    if (conditionText === undefined || conditionText.trim() === '') {
      taken.push(flowId);
      continue;
    }
    const { met, warnings } = evaluateCondition(conditionText, scope, runtime.feel);
    if (met) taken.push(flowId);
    else hints.push(...warnings);
  }
  if (taken.length > 0) return taken;
  if (element.defaultFlow) return [element.defaultFlow];
  const why = hints.length > 0 ? ` (${[...new Set(hints)].join('; ')})` : '';
  throw new IncidentError(`No outgoing flow condition matched at gateway "${element.name}" and it has no default flow${why}`);
}
