import { count, describe, mention } from '../labels';
import { child, children, isType } from '../moddle-access';
import type { Transformer } from '../transformer';
import type { BpmnElement } from '../types';

const CATCHABLE = new Set(['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition']);

/**
 * Event-based gateway: waits for the events after it; the first to happen wins. It needs
 * at least two outgoing flows, each to a timer, message or signal intermediate catch
 * event (or a receive task).
 */
export const eventBasedGateway: Transformer<'eventBasedGateway'> = {
  ioMapping: 'none',
  extensions: [],
  transform(element, common, { diagnostics, graph }) {
    const outgoing = graph.outgoing(element);
    let valid = true;
    if (outgoing.length < 2) {
      diagnostics.error(element, `${describe(element)} must have at least two outgoing flows, each to an event that can happen; it has ${count(outgoing.length, 'outgoing flow')}`);
      valid = false;
    }
    for (const flow of outgoing) {
      const target = child(flow, 'targetRef');
      if (target && !isCatchable(target)) {
        diagnostics.error(
          element,
          `${describe(element)} leads to ${mention(target)}; an event-based gateway may only lead to timer, message or signal intermediate catch events and receive tasks`,
        );
        valid = false;
      }
    }
    return valid ? { kind: 'eventBasedGateway', ...common } : undefined;
  },
};

function isCatchable(target: BpmnElement): boolean {
  if (isType(target, 'bpmn:ReceiveTask')) return true;
  if (!isType(target, 'bpmn:IntermediateCatchEvent')) return false;
  const definitions = children(target, 'eventDefinitions');
  return definitions.length === 1 && CATCHABLE.has(definitions[0].$type);
}
