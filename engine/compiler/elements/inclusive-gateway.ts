import { count, describe, mention } from '../labels';
import { child } from '../moddle-access';
import { rawCondition } from '../sequence-flows';
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
  transform(element, common, { diagnostics, graph, unresolved }) {
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
      if (unconditional.length > 1 && !defaultFlow) {
        diagnostics.error(element, `${describe(element)} has ${count(unconditional.length, 'outgoing flow')} without a condition and no default flow`);
      } else {
        for (const flow of unconditional) {
          diagnostics.error(flow, `${describe(flow)} leaves ${mention(element)} and must have a condition or be the default flow`);
        }
      }
    }

    const model = { kind: 'inclusiveGateway' as const, ...common };
    return defaultFlow?.id && outgoing.includes(defaultFlow) ? { ...model, defaultFlow: defaultFlow.id } : model;
  },
};
