/**
 * The process-level Qualflow groups: "Business calendar" (`qualflow:calendar`, which
 * working-time durations count in) and "Process owner" (`qualflow:owner`). Shown for the
 * process, or for the pool of a collaboration (its process).
 */
import { Group } from '@bpmn-io/properties-panel';
import { setAttribute, type DiagramElement, type ModdleElement } from './extension-elements';
import { fieldEntry } from './field-entry';

/** The process a root or pool element stands for, if any. */
export function processOf(element: DiagramElement): ModdleElement | undefined {
  const businessObject = element.businessObject;
  if (businessObject.$instanceOf('bpmn:Process')) return businessObject;
  if (businessObject.$instanceOf('bpmn:Participant')) return businessObject.get('processRef');
  return undefined;
}

function processGroup(property: 'calendar' | 'owner', label: string, fieldLabel: string, description: string) {
  return {
    id: `qualflow-process-${property}`,
    label,
    component: Group,
    entries: [
      fieldEntry({
        id: `qualflow-${property}`,
        label: fieldLabel,
        description,
        get: (element) => processOf(element)?.get(`qualflow:${property}`),
        set: (injector, element, value) => setAttribute(injector, element, processOf(element)!, `qualflow:${property}`, value),
      }),
    ],
  };
}

/** The two groups, for an element that stands for a process. */
export function processGroups() {
  return [
    processGroup('calendar', 'Business calendar', 'Calendar', 'Name of the business calendar working time counts in (empty: the default calendar)'),
    processGroup('owner', 'Process owner', 'Owner', 'Username of the process owner (escalations may notify them)'),
  ];
}
