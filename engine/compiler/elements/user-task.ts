import type { UserTaskElement, ValueOrExpression } from '../../../workflows/model';
import type { Diagnostics } from '../diagnostics';
import { findExtension } from '../extensions';
import { readFormLink } from '../form-link';
import { readDeadline, readEscalationPolicy } from '../escalation-policy';
import { describe } from '../labels';
import { isIsoDateTime, isIsoDuration, isPriority } from '../literals';
import { flag, text } from '../moddle-access';
import type { Transformer } from '../transformer';
import type { BpmnElement } from '../types';
import { checkValue, type LiteralRule } from '../value-checks';

const DATE: LiteralRule = {
  valid: (value) => isIsoDateTime(value) || isIsoDuration(value),
  expected: 'an ISO 8601 date-time (2025-01-31T17:00:00Z) or duration (P5D)',
};

const PRIORITY: LiteralRule = { valid: isPriority, expected: 'an integer between 0 and 100' };

/**
 * User task: a task for a person, with its assignment, schedule, priority and form.
 * Values may be literals or `=FEEL`, evaluated when the task opens.
 */
export const userTask: Transformer<'userTask'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: [
    'zeebe:UserTask',
    'zeebe:AssignmentDefinition',
    'zeebe:TaskSchedule',
    'zeebe:PriorityDefinition',
    'zeebe:FormDefinition',
    'zeebe:TaskHeaders',
    'qualflow:Deadline',
    'qualflow:EscalationPolicy',
  ],
  transform(element, common, { diagnostics, embeddedForms }) {
    const task: UserTaskElement = { kind: 'userTask', ...common };
    const read = (type: string, property: string, label: string, rule?: LiteralRule): ValueOrExpression | undefined => {
      const value = text(findExtension(element, type), property)?.trim();
      return value !== undefined && checkValue(diagnostics, element, label, value, rule) ? value : undefined;
    };
    assign(task, 'assignee', read('zeebe:AssignmentDefinition', 'assignee', 'the assignee'));
    assign(task, 'candidateGroups', read('zeebe:AssignmentDefinition', 'candidateGroups', 'the candidate groups'));
    assign(task, 'candidateUsers', read('zeebe:AssignmentDefinition', 'candidateUsers', 'the candidate users'));
    assign(task, 'dueDate', read('zeebe:TaskSchedule', 'dueDate', 'the due date', DATE));
    assign(task, 'followUpDate', read('zeebe:TaskSchedule', 'followUpDate', 'the follow-up date', DATE));
    assign(task, 'priority', read('zeebe:PriorityDefinition', 'priority', 'the priority', PRIORITY));
    assign(task, 'form', readFormLink(diagnostics, element, embeddedForms));
    assign(task, 'deadline', readDeadline(diagnostics, element));
    const scheduled = text(findExtension(element, 'zeebe:TaskSchedule'), 'dueDate')?.trim();
    const hasDueDate = Boolean(scheduled) || Boolean(text(findExtension(element, 'qualflow:Deadline'), 'dueIn')?.trim());
    assign(task, 'escalation', readEscalationPolicy(diagnostics, element, hasDueDate));
    assign(task, 'signature', readSignature(element));
    warnAboutUnusedSettings(diagnostics, element);
    return task;
  },
};

function assign<K extends keyof UserTaskElement>(task: UserTaskElement, key: K, value: UserTaskElement[K] | undefined): void {
  if (value !== undefined) task[key] = value;
}

/** Settings a diagram may carry that this version reads but does not act on: said out loud, not skipped. */
function warnAboutUnusedSettings(diagnostics: Diagnostics, element: BpmnElement): void {
  const subject = describe(element);
  if (!findExtension(element, 'zeebe:UserTask')) {
    diagnostics.warn(element, `${subject} uses the job worker implementation; Qualflow runs it as a Camunda user task`);
  }
}

/** `qualflow:signatureRequired` with its optional meaning (one, or several comma-separated the signer picks from). */
function readSignature(element: BpmnElement): UserTaskElement['signature'] {
  if (!flag(element, 'qualflow:signatureRequired')) return undefined;
  const meaning = text(element, 'qualflow:signatureMeaning')?.trim();
  return meaning ? { meaning } : {};
}
