import { count, describe, mention } from './labels';
import { child } from './moddle-access';
import { rawCondition } from './sequence-flows';
import type { TransformContext } from './transformer';
import type { BpmnElement } from './types';

/**
 * The default flow and conditions of a gateway that chooses by condition (exclusive,
 * inclusive): the default flow must exist, leave the gateway and carry no condition; when
 * it diverges, every other outgoing flow needs a condition. Reports each problem on the
 * gateway or the flow; returns the id of a valid default flow.
 *
 * `tolerated`: how many unconditional flows are reported one by one (on the flows) rather
 * than once on the gateway when there is no default flow.
 */
export function checkGatewayFlows(element: BpmnElement, { diagnostics, graph, unresolved }: TransformContext, tolerated: number): string | undefined {
  const outgoing = graph.outgoing(element);
  const defaultFlow = child(element, 'default');
  const missingDefault = unresolved.get(`${element.id}#default`);

  if (missingDefault !== undefined) {
    diagnostics.error(element, `${describe(element)} has the default flow "${missingDefault}", which does not exist`);
  } else if (defaultFlow && !outgoing.includes(defaultFlow)) {
    diagnostics.error(element, `${describe(element)} has ${mention(defaultFlow)} as its default flow, but that flow does not leave the gateway`);
  } else if (defaultFlow && rawCondition(defaultFlow) !== undefined) {
    diagnostics.error(defaultFlow, `${describe(defaultFlow)} is the default flow of ${mention(element)} and must not have a condition`);
  }

  if (outgoing.length > 1) {
    const unconditional = outgoing.filter((flow) => flow !== defaultFlow && rawCondition(flow) === undefined);
    if (unconditional.length > tolerated && !defaultFlow) {
      diagnostics.error(element, `${describe(element)} has ${count(unconditional.length, 'outgoing flow')} without a condition and no default flow`);
    } else {
      for (const flow of unconditional) {
        diagnostics.error(flow, `${describe(flow)} leaves ${mention(element)} and must have a condition or be the default flow`);
      }
    }
  }
  return defaultFlow?.id && outgoing.includes(defaultFlow) ? defaultFlow.id : undefined;
}
