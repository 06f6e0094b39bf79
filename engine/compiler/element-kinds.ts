import type { ElementKind } from '../../workflows/model';
import { describe } from './labels';
import { children, flag } from './moddle-access';
import type { BpmnElement } from './types';

/** BPMN `$type` → the model kind it compiles to. Event definitions are checked by each transformer. */
export const KIND_BY_TYPE: Readonly<Record<string, ElementKind>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:UserTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:Task': 'task',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:SubProcess': 'subProcess',
};

/** Flow elements that carry no behaviour: accepted and left out of the model. */
export const IGNORED_TYPES: ReadonlySet<string> = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

/**
 * Flow elements Qualflow does not execute, on purpose: each is a compile error "... is
 * not supported by Qualflow". Any other unknown flow element is "... is not supported".
 * (Cancel and conditional events, and the standard loop marker, are refused where
 * events and markers are read.)
 */
export const NOT_SUPPORTED: readonly string[] = [
  'bpmn:AdHocSubProcess',
  'bpmn:Transaction',
  'bpmn:ComplexGateway',
];

/** The model kind of a flow element type, `'ignored'`, or `'unsupported'`. `bpmn:SubProcess` is `subProcess` here; use `classifyElement` to tell event sub-processes apart. */
export function classify(type: string): ElementKind | 'ignored' | 'unsupported' {
  return KIND_BY_TYPE[type] ?? (IGNORED_TYPES.has(type) ? 'ignored' : 'unsupported');
}

/** The model kind of a flow element: a `bpmn:SubProcess` with `triggeredByEvent` is an event sub-process. */
export function classifyElement(element: BpmnElement): ElementKind | 'ignored' | 'unsupported' {
  const kind = classify(element.$type);
  return kind === 'subProcess' && flag(element, 'triggeredByEvent') ? 'eventSubProcess' : kind;
}

/** Event definitions Qualflow leaves out on purpose (inside a refused container they are reported here). */
const NOT_SUPPORTED_DEFINITIONS: ReadonlySet<string> = new Set(['bpmn:ConditionalEventDefinition', 'bpmn:CancelEventDefinition']);

function hasUnsupportedDefinition(element: BpmnElement): boolean {
  return children(element, 'eventDefinitions').some((definition) => NOT_SUPPORTED_DEFINITIONS.has(definition.$type));
}

/** The sentence for an element that does not compile because of its type (or, inside a refused container, its event definition). */
export function unsupportedMessage(element: BpmnElement): string {
  return NOT_SUPPORTED.includes(element.$type) || hasUnsupportedDefinition(element)
    ? `${describe(element)} is not supported by Qualflow`
    : `${describe(element)} is not supported`;
}

/**
 * The elements inside a container Qualflow refuses as a whole (a transaction, an ad-hoc
 * sub-process) that are refused themselves: unsupported types and cancel or conditional
 * events, at any depth. Each gets its own error, as Camunda's lint gives it one.
 */
export function unsupportedInside(container: BpmnElement): BpmnElement[] {
  return children(container, 'flowElements').filter((element) => element.$type !== 'bpmn:SequenceFlow').flatMap((element) => {
    const refused = element.id && (classify(element.$type) === 'unsupported' || hasUnsupportedDefinition(element));
    return [...(refused ? [element] : []), ...unsupportedInside(element)];
  });
}
