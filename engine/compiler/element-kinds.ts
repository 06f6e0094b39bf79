import type { ElementKind } from '../../workflows/model';

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
};

/** Flow elements that carry no behaviour: accepted and left out of the model. */
export const IGNORED_TYPES: ReadonlySet<string> = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

/**
 * Flow elements known to BPMN that Qualflow does not execute yet: each is a compile
 * error "... is not supported yet". Any other unknown flow element type is treated the
 * same way; this list documents what later issues will add.
 */
export const NOT_SUPPORTED_YET: readonly string[] = [
  'bpmn:SubProcess',
  'bpmn:AdHocSubProcess',
  'bpmn:Transaction',
  'bpmn:ComplexGateway',
];

/** The model kind of a flow element, `'ignored'`, or `'unsupported'`. */
export function classify(type: string): ElementKind | 'ignored' | 'unsupported' {
  return KIND_BY_TYPE[type] ?? (IGNORED_TYPES.has(type) ? 'ignored' : 'unsupported');
}
