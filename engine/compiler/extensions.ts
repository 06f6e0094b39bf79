import type { Diagnostics } from './diagnostics';
import { describe } from './labels';
import { child, children } from './moddle-access';
import type { BpmnElement } from './types';

/** Extension elements that carry no behaviour and are accepted anywhere. */
const ALWAYS_ACCEPTED = new Set(['zeebe:Properties']);

const EXTENSION_LABELS: Record<string, string> = {
  'zeebe:AssignmentDefinition': 'an assignment',
  'zeebe:CalledDecision': 'a called decision',
  'zeebe:CalledElement': 'a called element',
  'zeebe:ExecutionListeners': 'execution listeners',
  'zeebe:FormDefinition': 'a form',
  'zeebe:IoMapping': 'input/output mappings',
  'zeebe:JobPriorityDefinition': 'a job priority',
  'zeebe:LinkedResources': 'linked resources',
  'zeebe:LoopCharacteristics': 'multi-instance settings',
  'zeebe:PriorityDefinition': 'a priority',
  'zeebe:Script': 'a FEEL script',
  'zeebe:Subscription': 'a message subscription',
  'zeebe:TaskDefinition': 'a job worker task definition',
  'zeebe:TaskHeaders': 'task headers',
  'zeebe:TaskListeners': 'task listeners',
  'zeebe:TaskSchedule': 'a due date or follow-up date',
  'zeebe:UserTask': 'the Camunda user task implementation',
  'zeebe:UserTaskForm': 'an embedded form',
  'zeebe:VersionTag': 'a version tag',
  'zeebe:AdHoc': 'ad-hoc settings',
  'qualflow:EscalationPolicy': 'an escalation policy',
};

/** The `extensionElements` values of an element. */
export function extensionValues(element: BpmnElement): BpmnElement[] {
  return children(child(element, 'extensionElements'), 'values');
}

/** The first extension element of a type, e.g. `zeebe:TaskDefinition`. */
export function findExtension(element: BpmnElement, type: string): BpmnElement | undefined {
  return extensionValues(element).find((value) => value.$type === type);
}

/** All extension elements of a type. */
export function findExtensions(element: BpmnElement, type: string): BpmnElement[] {
  return extensionValues(element).filter((value) => value.$type === type);
}

/** `zeebe:ExecutionListeners` → `execution listeners`. */
export function extensionLabel(type: string): string {
  return EXTENSION_LABELS[type] ?? `<${type}>`;
}

/**
 * Reports extension elements an element's transformer does not read: a Zeebe or
 * Qualflow one would change behaviour, so it is an error ("not supported yet"); a
 * foreign one (another vendor's) is a warning that it is ignored. A repeated one is
 * an error, since only the first would count, unless it is `repeatable`.
 */
export function checkExtensions(
  diagnostics: Diagnostics,
  element: BpmnElement,
  understood: readonly string[],
  repeatable: readonly string[] = [],
): void {
  const seen = new Set<string>();
  for (const extension of extensionValues(element)) {
    const type = extension.$type;
    const prefix = type.includes(':') ? type.slice(0, type.indexOf(':')) : '';
    if (ALWAYS_ACCEPTED.has(type)) continue;
    if (understood.includes(type)) {
      if (seen.has(type) && !repeatable.includes(type)) diagnostics.error(element, `${describe(element)} has ${extensionLabel(type)} more than once; only one is allowed`);
      seen.add(type);
    } else if (prefix === 'zeebe' || prefix === 'qualflow') {
      diagnostics.error(element, `${describe(element)} with ${extensionLabel(type)} is not supported yet`);
    } else {
      diagnostics.warn(element, `${describe(element)} has the extension element <${type}>, which Qualflow ignores`);
    }
  }
}
