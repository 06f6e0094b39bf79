/**
 * The escalation policy of a user task as two list groups: reminders before the due date
 * (`qualflow:reminder`: before, time basis, notify) and escalation levels after it
 * (`qualflow:escalation`: after, time basis, notify, reassign to, priority).
 */
import { ListGroup } from '@bpmn-io/properties-panel';
import { TIME_BASIS_OPTIONS } from './deadline-group';
import { addPolicyItem, policyItems, removePolicyItem, setAttribute, type DiagramElement, type Injector, type ModdleElement } from './extension-elements';
import { fieldEntry, type FieldSpec } from './field-entry';

type PolicyList = 'reminders' | 'levels';

interface ItemField {
  property: string;
  label: string;
  description?: string;
  options?: FieldSpec['options'];
  /** Shown when the attribute is absent (the compiler's default). */
  fallback?: string;
}

const RECIPIENTS = 'Comma-separated: assignee, candidates, manager, owner, user:<name>, group:<name>';

const FIELDS: Record<PolicyList, ItemField[]> = {
  reminders: [
    { property: 'before', label: 'Before the due date', description: 'ISO 8601 duration, e.g. P1D' },
    { property: 'time', label: 'Count time as', options: TIME_BASIS_OPTIONS, fallback: 'working' },
    { property: 'notify', label: 'Notify', description: RECIPIENTS },
  ],
  levels: [
    { property: 'after', label: 'After the due date', description: 'ISO 8601 duration, e.g. P2D' },
    { property: 'time', label: 'Count time as', options: TIME_BASIS_OPTIONS, fallback: 'working' },
    { property: 'notify', label: 'Notify', description: RECIPIENTS },
    { property: 'reassignTo', label: 'Reassign to', description: 'manager, owner, user:<name> or group:<name> (optional)' },
    { property: 'priority', label: 'Raise priority to', description: '0–100 (optional)' },
  ],
};

/** What a new item starts with: enough to compile once the duration is checked. */
const NEW_ITEM: Record<PolicyList, Record<string, string>> = {
  reminders: { before: 'P1D', notify: 'assignee' },
  levels: { after: 'P1D', notify: 'manager' },
};

function itemEntries(idPrefix: string, item: ModdleElement, fields: ItemField[]) {
  return fields.map((field) =>
    fieldEntry({
      id: `${idPrefix}-${field.property}`,
      label: field.label,
      description: field.description,
      options: field.options,
      get: () => item.get(field.property) ?? field.fallback,
      set: (injector, element, value) => setAttribute(injector, element, item, field.property, value),
    }),
  );
}

function policyGroup(list: PolicyList, label: string, element: DiagramElement, injector: Injector) {
  const items = policyItems(element, list).map((item, index) => {
    const id = `qualflow-${list}-${element.id}-${index}`;
    const key = item.get(list === 'reminders' ? 'before' : 'after');
    return {
      id,
      label: `${list === 'reminders' ? 'Reminder' : 'Escalation'} ${index + 1}${key ? ` (${key})` : ''}`,
      entries: itemEntries(id, item, FIELDS[list]),
      autoFocusEntry: `${id}-notify`,
      remove: (event: Event) => {
        event.stopPropagation();
        removePolicyItem(injector, element, item);
      },
    };
  });
  return {
    id: `qualflow-${list}`,
    label,
    component: ListGroup,
    items,
    add: (event: Event) => {
      event.stopPropagation();
      addPolicyItem(injector, element, list, NEW_ITEM[list]);
    },
  };
}

/** The reminders and escalation levels groups of a user task. */
export function escalationGroups(element: DiagramElement, injector: Injector) {
  return [policyGroup('reminders', 'Escalation: reminders', element, injector), policyGroup('levels', 'Escalation: levels', element, injector)];
}
