import type { TimerDefinition } from '../../../workflows/model';
import type { Diagnostics } from '../diagnostics';
import { describe, mention } from '../labels';
import { isIsoDuration } from '../literals';
import { body, child, children, flag, isType } from '../moddle-access';
import type { Transformer } from '../transformer';
import type { BpmnElement } from '../types';
import { checkValue } from '../value-checks';

/** Hosts a boundary event may be attached to, for now. */
const SUPPORTED_HOSTS = new Set(['bpmn:UserTask']);

/**
 * Timer boundary event on a user task, interrupting (cancels the task) or not (spawns a
 * token and leaves the task open). The timer is an ISO 8601 duration or `=FEEL`.
 */
export const boundaryEvent: Transformer<'boundaryEvent'> = {
  ioMapping: 'outputs',
  extensions: [],
  transform(element, common, { diagnostics, graph, unresolved }) {
    const subject = describe(element);
    const host = child(element, 'attachedToRef');
    const missingHost = unresolved.get(`${element.id}#attachedToRef`);
    const definitions = children(element, 'eventDefinitions');

    if (definitions.length === 0) {
      diagnostics.error(element, `${subject} must have an event definition, such as a timer`);
      return undefined;
    }
    if (definitions.length > 1 || !isType(definitions[0], 'bpmn:TimerEventDefinition')) {
      diagnostics.error(element, `${subject} is not supported yet`);
      return undefined;
    }
    const timer = readTimer(diagnostics, element, definitions[0]);

    if (missingHost !== undefined) {
      diagnostics.error(element, `${subject} is attached to "${missingHost}", which does not exist`);
      return undefined;
    }
    if (!host) {
      diagnostics.error(element, `${subject} is not attached to any task`);
      return undefined;
    }
    if (!graph.nodes.includes(host)) {
      diagnostics.error(element, `${subject} is attached to ${mention(host)}, which is not a task of the same process`);
      return undefined;
    }
    if (!SUPPORTED_HOSTS.has(host.$type)) {
      diagnostics.error(element, `${subject} attached to ${mention(host)} is not supported yet; attach it to a user task`);
      return undefined;
    }
    if (!timer) return undefined;
    return { kind: 'boundaryEvent', ...common, attachedTo: host.id!, cancelActivity: flag(element, 'cancelActivity') ?? true, timer };
  },
};

function readTimer(diagnostics: Diagnostics, element: BpmnElement, definition: BpmnElement): TimerDefinition | undefined {
  const subject = describe(element);
  if (child(definition, 'timeDate')) {
    diagnostics.error(element, `${subject} with a time date is not supported yet; use a duration`);
    return undefined;
  }
  if (child(definition, 'timeCycle')) {
    diagnostics.error(element, `${subject} with a time cycle is not supported yet; use a duration`);
    return undefined;
  }
  const duration = body(child(definition, 'timeDuration'))?.trim();
  if (!duration) {
    diagnostics.error(element, `${subject} must have a defined timer duration`);
    return undefined;
  }
  const rule = { valid: isIsoDuration, expected: 'an ISO 8601 duration such as PT2H or P3D' };
  return checkValue(diagnostics, element, 'the timer duration', duration, rule) ? { duration } : undefined;
}
