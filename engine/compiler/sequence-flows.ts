import type { SequenceFlow } from '../../workflows/model';
import type { Diagnostics } from './diagnostics';
import { describe, displayName, mention } from './labels';
import { body, child, isType } from './moddle-access';
import type { ProcessGraph } from './structure';
import type { BpmnElement } from './types';
import { checkRequiredExpression } from './value-checks';

/** The raw condition of a flow (`=...`), or undefined when it has none or it is blank. */
export function rawCondition(flow: BpmnElement): string | undefined {
  const condition = body(child(flow, 'conditionExpression'));
  return condition === undefined || condition.trim() === '' ? undefined : condition;
}

/**
 * Checks that every sequence flow connects two flow elements of this process, reporting
 * missing or foreign ends.
 */
export function checkFlowEnds(
  flows: BpmnElement[],
  nodes: ReadonlySet<BpmnElement>,
  unresolved: Map<string, string>,
  diagnostics: Diagnostics,
): void {
  for (const flow of flows) {
    for (const [property, role] of [['sourceRef', 'source'], ['targetRef', 'target']] as const) {
      const end = child(flow, property);
      const missing = unresolved.get(`${flow.id}#${property}`);
      if (missing !== undefined) {
        diagnostics.error(flow, `${describe(flow)} has the ${role} "${missing}", which does not exist`);
      } else if (!end) {
        diagnostics.error(flow, `${describe(flow)} has no ${role}`);
      } else if (!nodes.has(end)) {
        diagnostics.error(flow, `${describe(flow)} has the ${role} ${mention(end)}, which is not a flow element of the same process`);
      } else if (end.$parent !== flow.$parent) {
        diagnostics.error(flow, `${describe(flow)} has the ${role} ${mention(end)}, which is in another scope; a sequence flow cannot cross the boundary of a sub-process`);
      }
    }
  }
}

/**
 * Builds the model's sequence flows. A condition is only allowed on a flow leaving an
 * exclusive or inclusive gateway, must be FEEL (`=...`), and is stored without its `=`.
 */
export function transformFlows(graph: ProcessGraph, diagnostics: Diagnostics): Record<string, SequenceFlow> {
  const flows: Record<string, SequenceFlow> = {};
  for (const flow of graph.flows) {
    const source = child(flow, 'sourceRef')!;
    const target = child(flow, 'targetRef')!;
    const model: SequenceFlow = { id: flow.id!, sourceRef: source.id!, targetRef: target.id! };
    const name = displayName(flow);
    if (name) model.name = name;

    const condition = rawCondition(flow);
    if (condition !== undefined) {
      if (!isType(source, 'bpmn:ExclusiveGateway') && !isType(source, 'bpmn:InclusiveGateway')) {
        diagnostics.error(
          flow,
          `${describe(flow)} with a condition expression is only supported if the source is an exclusive or inclusive gateway; its source is ${mention(source)}`,
        );
      } else {
        const expression = checkRequiredExpression(diagnostics, flow, 'the condition', condition);
        if (expression !== undefined) model.condition = expression;
      }
    }
    flows[model.id] = model;
  }
  return flows;
}
