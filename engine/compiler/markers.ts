/**
 * Activity markers: multi-instance (`bpmn:multiInstanceLoopCharacteristics` with
 * `zeebe:loopCharacteristics`), compensation handlers (`isForCompensation`) and the
 * association that links a compensation boundary event to its handler.
 */
import type { FlowElement, MultiInstance } from '../../workflows/model';
import type { Diagnostics } from './diagnostics';
import { findExtension } from './extensions';
import { VARIABLE_NAME_RULE } from './io-mapping';
import { describe, mention } from './labels';
import { isVariableName } from './literals';
import { body, child, children, flag, isType, text } from './moddle-access';
import type { Scope } from './scopes';
import type { BpmnElement } from './types';
import { checkRequiredExpression, checkValue } from './value-checks';

/** Activities that may carry a multi-instance marker or be compensation handlers. */
export const ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:ManualTask',
  'bpmn:CallActivity',
  'bpmn:SubProcess',
]);

/** True for an activity (task, sub-process, call activity) but not an event sub-process. */
export function isActivity(node: BpmnElement): boolean {
  return ACTIVITY_TYPES.has(node.$type) && !(isType(node, 'bpmn:SubProcess') && flag(node, 'triggeredByEvent'));
}

/**
 * Reads the markers of one flow node: its multi-instance settings and whether it is a
 * compensation handler. Reports a standard loop marker (not supported by Qualflow),
 * incomplete multi-instance settings, and a default flow on anything but a gateway.
 */
export function readMarkers(
  node: BpmnElement,
  unresolved: Map<string, string>,
  diagnostics: Diagnostics,
): { multiInstance?: MultiInstance; forCompensation?: true } {
  const subject = describe(node);
  const markers: { multiInstance?: MultiInstance; forCompensation?: true } = {};
  const loop = child(node, 'loopCharacteristics');
  if (loop && !isType(loop, 'bpmn:MultiInstanceLoopCharacteristics')) {
    diagnostics.error(node, `${subject} has a standard loop marker, which is not supported by Qualflow; use a multi-instance marker`);
  } else if (loop && !isActivity(node)) {
    diagnostics.error(node, `${subject} has a multi-instance marker; only tasks, sub-processes and call activities can have one`);
  } else if (loop) {
    const multiInstance = readMultiInstance(node, loop, diagnostics);
    if (multiInstance) markers.multiInstance = multiInstance;
  }
  if (flag(node, 'isForCompensation')) {
    if (isActivity(node)) markers.forCompensation = true;
    else diagnostics.error(node, `${subject} is marked for compensation; only tasks, sub-processes and call activities can be compensation handlers`);
  }
  if (!node.$type.endsWith('Gateway') && (child(node, 'default') || unresolved.has(`${node.id}#default`))) {
    diagnostics.error(node, `${subject} has a default flow; default flows are only supported on gateways`);
  }
  return markers;
}

function readMultiInstance(node: BpmnElement, loop: BpmnElement, diagnostics: Diagnostics): MultiInstance | undefined {
  const subject = describe(node);
  const settings = findExtension(loop, 'zeebe:LoopCharacteristics');
  const read = (property: string): string | undefined => text(settings, property)?.trim();
  const rawCollection = read('inputCollection');
  if (rawCollection === undefined) {
    diagnostics.error(node, `${subject} must have a defined multi-instance input collection (zeebe:loopCharacteristics inputCollection)`);
    return undefined;
  }
  let valid = true;
  const collection = checkRequiredExpression(diagnostics, node, 'the multi-instance input collection', rawCollection);
  if (collection === undefined) valid = false;
  const multiInstance: MultiInstance = { sequential: flag(loop, 'isSequential') ?? false, inputCollection: `=${collection}` };
  for (const property of ['inputElement', 'outputCollection'] as const) {
    const name = read(property);
    if (name === undefined) continue;
    if (isVariableName(name)) multiInstance[property] = name;
    else {
      diagnostics.error(node, `${subject} has the multi-instance ${property === 'inputElement' ? 'input element' : 'output collection'} "${name}"; ${VARIABLE_NAME_RULE}`);
      valid = false;
    }
  }
  const outputElement = read('outputElement');
  if (outputElement !== undefined) {
    if (checkValue(diagnostics, node, 'the multi-instance output element', outputElement)) multiInstance.outputElement = outputElement;
    else valid = false;
  }
  if (read('outputCollection') !== undefined && outputElement === undefined) {
    diagnostics.error(node, `${subject} with a multi-instance output collection must have a defined output element`);
    valid = false;
  } else if (outputElement !== undefined && read('outputCollection') === undefined) {
    diagnostics.error(node, `${subject} with a multi-instance output element must have a defined output collection`);
    valid = false;
  }
  const condition = body(child(loop, 'completionCondition'));
  if (condition !== undefined && condition.trim() !== '') {
    const expression = checkRequiredExpression(diagnostics, node, 'the completion condition', condition);
    if (expression === undefined) valid = false;
    else multiInstance.completionCondition = expression;
  }
  return valid ? multiInstance : undefined;
}

/**
 * Links each compensation boundary event to the handler it is associated with (a
 * `bpmn:association` between them), setting `compensationHandler` on the activity the
 * event is attached to. Reports a boundary event without a handler, an association to an
 * activity that is not marked for compensation, and handlers nothing refers to.
 */
export function linkCompensationHandlers(scopes: Scope[], elements: Record<string, FlowElement>, diagnostics: Diagnostics): void {
  const associations = scopes.flatMap((scope) => scope.associations);
  const linked = new Set<BpmnElement>();
  for (const scope of scopes) {
    for (const event of scope.nodes.filter(isCompensationBoundary)) {
      const subject = describe(event);
      const handlers = associations.flatMap((association) => {
        const source = child(association, 'sourceRef');
        const target = child(association, 'targetRef');
        if (source === event && target && target !== event) return [target];
        if (target === event && source && source !== event) return [source];
        return [];
      }).filter((other) => ACTIVITY_TYPES.has(other.$type));
      if (handlers.length !== 1) {
        const problem = handlers.length === 0 ? 'must be associated with a compensation handler (an activity marked for compensation)' : 'is associated with more than one activity; it must be associated with exactly one compensation handler';
        diagnostics.error(event, `${subject} ${problem}`);
        continue;
      }
      const [handler] = handlers;
      linked.add(handler);
      if (!flag(handler, 'isForCompensation')) {
        diagnostics.error(event, `${subject} is associated with ${mention(handler)}, which is not marked for compensation (isForCompensation)`);
      } else if (handler.$parent !== event.$parent) {
        diagnostics.error(event, `${subject} is associated with ${mention(handler)}, which is in another scope`);
      } else {
        const host = elements[child(event, 'attachedToRef')?.id ?? ''];
        if (host && handler.id) host.compensationHandler = handler.id;
      }
    }
  }
  for (const scope of scopes) {
    for (const handler of scope.nodes.filter((node) => flag(node, 'isForCompensation') && isActivity(node) && !linked.has(node))) {
      diagnostics.warn(handler, `${describe(handler)} is marked for compensation, but no compensation boundary event is associated with it; it never runs`);
    }
  }
}

function isCompensationBoundary(node: BpmnElement): boolean {
  const definitions = children(node, 'eventDefinitions');
  return isType(node, 'bpmn:BoundaryEvent') && definitions.length === 1 && isType(definitions[0], 'bpmn:CompensateEventDefinition');
}
