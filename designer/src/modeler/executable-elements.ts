/**
 * Which of bpmn-js' replace options Qualflow can execute, decided from the compiler's own
 * tables (element kinds, refused types, the triggers each event position allows), so the
 * replace menu never offers what deploy would refuse. Pure: no bpmn-js instance needed.
 */
import { NOT_SUPPORTED } from '../../../engine/compiler/element-kinds';
import { ALLOWED_TRIGGERS, type EventUse } from '../../../engine/compiler/event-triggers';

/** What a replace option turns an element into (bpmn-js `ReplaceOption['target']`). */
export interface ReplaceTarget {
  type: string;
  eventDefinitionType?: string;
  triggeredByEvent?: boolean;
}

/** Where the element being replaced sits: its parent's type and whether that parent is an event sub-process. */
export interface ReplaceContext {
  parentType?: string;
  parentTriggeredByEvent?: boolean;
}

/** The compiler's trigger name of an event definition type (`bpmn:TimerEventDefinition` → `timer`). */
function triggerOf(definitionType: string | undefined): string {
  if (!definitionType) return 'none';
  const name = definitionType.replace(/^bpmn:/, '').replace(/EventDefinition$/, '').toLowerCase();
  return name === 'compensate' ? 'compensation' : name;
}

/** Replace-menu header toggles the compiler refuses (the standard loop marker). */
export const REFUSED_TOGGLES: readonly string[] = ['toggle-loop'];

function eventUse(type: string, context: ReplaceContext): EventUse | undefined {
  switch (type) {
    case 'bpmn:StartEvent':
      if (context.parentType === 'bpmn:SubProcess') return context.parentTriggeredByEvent ? 'eventSubProcessStart' : 'subProcessStart';
      return 'start';
    case 'bpmn:IntermediateCatchEvent':
      return 'intermediateCatch';
    case 'bpmn:IntermediateThrowEvent':
      return 'intermediateThrow';
    case 'bpmn:BoundaryEvent':
      return 'boundary';
    case 'bpmn:EndEvent':
      return 'end';
    default:
      return undefined;
  }
}

/**
 * Whether replacing an element (sitting in `context`) with `target` gives an element the
 * compiler accepts: not a kind it refuses, and for events a trigger allowed where the event sits.
 */
export function isExecutableReplacement(target: ReplaceTarget, context: ReplaceContext = {}): boolean {
  if (NOT_SUPPORTED.includes(target.type)) return false;
  const use = eventUse(target.type, context);
  if (!use) return true;
  return (ALLOWED_TRIGGERS[use] as readonly string[]).includes(triggerOf(target.eventDefinitionType));
}
