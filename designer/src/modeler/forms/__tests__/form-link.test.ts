import { describe, expect, it } from 'vitest';
import { formLinkOf, suggestFormId, type ModdleElement } from '../form-link';

/** A moddle-like element: `get` reads the given properties. */
function element($type: string, properties: Record<string, unknown> = {}): ModdleElement {
  return { $type, ...properties, get: (name: string) => properties[name] };
}

const taskWith = (definition?: Record<string, unknown>) =>
  element('bpmn:UserTask', {
    extensionElements: element('bpmn:ExtensionElements', {
      values: [element('zeebe:UserTask'), ...(definition ? [element('zeebe:FormDefinition', definition)] : [])],
    }),
  });

describe('the form link of a user task', () => {
  it('reads a linked form id, an embedded or external form, or no form', () => {
    expect(formLinkOf(taskWith({ formId: ' capa-triage ' }))).toEqual({ kind: 'linked', formId: 'capa-triage' });
    expect(formLinkOf(taskWith({ formKey: 'camunda-forms:bpmn:Form_1' }))).toEqual({ kind: 'other' });
    expect(formLinkOf(taskWith({ externalReference: 'https://forms.example.com/1' }))).toEqual({ kind: 'other' });
    expect(formLinkOf(taskWith())).toEqual({ kind: 'none' });
    expect(formLinkOf(element('bpmn:UserTask'))).toEqual({ kind: 'none' });
  });

  it('suggests a form id from the process and the task name in kebab case, else the task id', () => {
    expect(suggestFormId('capa', 'Triage and assess risk', 'Task_Triage')).toBe('capa-triage-and-assess-risk');
    expect(suggestFormId('DocumentApproval', 'Révision (B) — approve', 'Task_1')).toBe('document-approval-revision-b-approve');
    expect(suggestFormId(undefined, '  ', 'Task_ReviewDraft')).toBe('task-review-draft');
  });
});
