/**
 * The "Deadline & escalation" group of a user task: `qualflow:deadline` (due and follow-up
 * durations, counted in working or elapsed time), used when `zeebe:taskSchedule` sets no date.
 */
import { Group } from '@bpmn-io/properties-panel';
import { findExtension, setDeadlineAttribute } from './extension-elements';
import { fieldEntry, type FieldSpec } from './field-entry';

/** How a duration is counted: the process's business calendar (the default) or the clock. */
export const TIME_BASIS_OPTIONS = [
  { value: 'working', label: 'Working time (business calendar)' },
  { value: 'elapsed', label: 'Elapsed time' },
];

function deadlineField(property: string, label: string, description?: string): FieldSpec {
  return {
    id: `qualflow-deadline-${property}`,
    label,
    description,
    get: (element) => findExtension(element.businessObject, 'qualflow:Deadline')?.get(property),
    set: (injector, element, value) => setDeadlineAttribute(injector, element, property, value as string),
  };
}

/** The group, for user tasks only. */
export function deadlineGroup() {
  const basis = deadlineField('time', 'Count time as');
  return {
    id: 'qualflow-deadline',
    label: 'Deadline & escalation',
    component: Group,
    entries: [
      fieldEntry(deadlineField('dueIn', 'Due in', 'ISO 8601 duration after the task opens, e.g. P5D')),
      fieldEntry(deadlineField('followUpIn', 'Follow up in', 'ISO 8601 duration, e.g. P3D')),
      fieldEntry({ ...basis, options: TIME_BASIS_OPTIONS, get: (item) => basis.get(item) ?? 'working' }),
    ],
  };
}
