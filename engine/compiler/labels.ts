import { children, flag, text } from './moddle-access';
import type { BpmnElement } from './types';

/**
 * How elements are named in diagnostics: `Gateway "Approved?" (Gateway_1)`, the words a
 * process owner sees in the modeler, not moddle type names.
 */

const TYPE_LABELS: Record<string, string> = {
  'bpmn:Process': 'Process',
  'bpmn:Participant': 'Pool',
  'bpmn:Lane': 'Lane',
  'bpmn:SequenceFlow': 'Sequence flow',
  'bpmn:MessageFlow': 'Message flow',
  'bpmn:StartEvent': 'Start event',
  'bpmn:EndEvent': 'End event',
  'bpmn:BoundaryEvent': 'Boundary event',
  'bpmn:IntermediateCatchEvent': 'Intermediate catch event',
  'bpmn:IntermediateThrowEvent': 'Intermediate throw event',
  'bpmn:Task': 'Task',
  'bpmn:UserTask': 'User task',
  'bpmn:ServiceTask': 'Service task',
  'bpmn:ScriptTask': 'Script task',
  'bpmn:BusinessRuleTask': 'Business rule task',
  'bpmn:SendTask': 'Send task',
  'bpmn:ReceiveTask': 'Receive task',
  'bpmn:ManualTask': 'Manual task',
  'bpmn:CallActivity': 'Call activity',
  'bpmn:SubProcess': 'Sub-process',
  'bpmn:AdHocSubProcess': 'Ad-hoc sub-process',
  'bpmn:Transaction': 'Transaction',
  'bpmn:ExclusiveGateway': 'Gateway',
  'bpmn:ParallelGateway': 'Parallel gateway',
  'bpmn:InclusiveGateway': 'Inclusive gateway',
  'bpmn:EventBasedGateway': 'Event-based gateway',
  'bpmn:ComplexGateway': 'Complex gateway',
  'bpmn:DataObjectReference': 'Data object',
  'bpmn:DataStoreReference': 'Data store',
  'bpmndi:BPMNDiagram': 'Diagram',
  'bpmndi:BPMNPlane': 'Diagram plane',
  'bpmndi:BPMNShape': 'Diagram shape',
  'bpmndi:BPMNEdge': 'Diagram edge',
};

const EVENT_DEFINITION_LABELS: Record<string, string> = {
  'bpmn:TimerEventDefinition': 'Timer',
  'bpmn:MessageEventDefinition': 'Message',
  'bpmn:SignalEventDefinition': 'Signal',
  'bpmn:ErrorEventDefinition': 'Error',
  'bpmn:EscalationEventDefinition': 'Escalation',
  'bpmn:CompensateEventDefinition': 'Compensation',
  'bpmn:ConditionalEventDefinition': 'Conditional',
  'bpmn:LinkEventDefinition': 'Link',
  'bpmn:TerminateEventDefinition': 'Terminate',
  'bpmn:CancelEventDefinition': 'Cancel',
};

/** The kind of element in the modeler's words, e.g. `Timer boundary event`, `Event sub-process`. */
export function typeLabel(element: BpmnElement): string {
  if (element.$type === 'bpmn:SubProcess' && flag(element, 'triggeredByEvent')) return 'Event sub-process';
  const base = TYPE_LABELS[element.$type] ?? humanise(element.$type);
  const definitions = children(element, 'eventDefinitions');
  if (definitions.length === 0) return base;
  const prefix = definitions.length > 1
    ? 'Multiple'
    : EVENT_DEFINITION_LABELS[definitions[0].$type] ?? humanise(definitions[0].$type);
  return `${prefix} ${lowerFirst(base)}`;
}

/** The name the process owner gave the element, whitespace collapsed, or undefined. */
export function displayName(element: BpmnElement): string | undefined {
  const name = text(element, 'name');
  return name === undefined ? undefined : name.replace(/\s+/g, ' ').trim();
}

/** `User task "Review" (Task_1)`, or `User task Task_1` when it has no name. For the start of a sentence. */
export function describe(element: BpmnElement): string {
  const label = typeLabel(element);
  const name = displayName(element);
  const id = element.id ?? '(no id)';
  return name ? `${label} "${name}" (${id})` : `${label} ${id}`;
}

/** Like `describe`, for the middle of a sentence: `user task "Review" (Task_1)`. */
export function mention(element: BpmnElement): string {
  return lowerFirst(describe(element));
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `two outgoing flows`, `one outgoing flow`, `12 outgoing flows`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? singular : plural}`;
}

/** `bpmn:ComplexGateway` → `Complex gateway`; `zeebe:LinkedResources` → `Linked resources`. */
export function humanise(type: string): string {
  const local = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  const words = local.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}
