/**
 * The properties-panel entry under a user task's "Form" group: a button that opens the
 * form editor on the task's form ("Edit form") or creates and links one ("Create form").
 * A Preact component, as the properties panel renders Preact.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type FormLink from './FormLink';
import { formLinkOf, type ModdleElement } from './form-link';

export interface FormLinkEntryProps {
  id: string;
  element: { id: string; businessObject: ModdleElement };
}

export function FormLinkEntry({ id, element }: FormLinkEntryProps) {
  const formLink = useService<FormLink>('qualflowFormLink');
  const link = formLinkOf(element.businessObject);
  if (link.kind === 'other') {
    return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': id },
      h('p', { class: 'bio-properties-panel-description' }, 'This task uses an embedded or external form. Choose "Linked form" to edit it in Qualflow.'),
    );
  }
  const label = link.kind === 'linked' ? 'Edit form' : 'Create form';
  const title = link.kind === 'linked' ? `Open the form "${link.formId}" in the form editor` : 'Link a new form to this task and open it in the form editor';
  return h('div', { class: 'bio-properties-panel-entry qualflow-form-link', 'data-entry-id': id },
    h('button', { type: 'button', class: 'qualflow-form-link-button', title, onClick: () => formLink.open(element) }, `${label} ↗`),
  );
}
