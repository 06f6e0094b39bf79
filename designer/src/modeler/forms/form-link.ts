/**
 * What a user task's `zeebe:formDefinition` says about its form, read for the "Edit form"
 * / "Create form" action, and the form id suggested for a task that has no form yet.
 */

/** The part of a moddle element this file reads. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  get(property: string): unknown;
}

export type TaskFormLink =
  | { kind: 'none' }
  | { kind: 'linked'; formId: string }
  /** An embedded (`formKey`) or external form: not edited in Qualflow's form editor. */
  | { kind: 'other' };

/** The task's `zeebe:FormDefinition`, when it has one. */
export function formDefinitionOf(task: ModdleElement): ModdleElement | undefined {
  const extensionElements = task.get('extensionElements') as ModdleElement | undefined;
  const values = (extensionElements?.get('values') as ModdleElement[] | undefined) ?? [];
  return values.find((value) => value.$type === 'zeebe:FormDefinition');
}

/** How the task links its form. */
export function formLinkOf(task: ModdleElement): TaskFormLink {
  const definition = formDefinitionOf(task);
  if (!definition) return { kind: 'none' };
  const formId = (definition.get('formId') as string | undefined)?.trim();
  if (formId) return { kind: 'linked', formId };
  return definition.get('formKey') || definition.get('externalReference') ? { kind: 'other' } : { kind: 'none' };
}

/**
 * A form id for a new form of `taskName` in process `processId`: both in kebab case,
 * e.g. `capa-review-root-cause`; the task id stands in for a missing name.
 */
export function suggestFormId(processId: string | undefined, taskName: string | undefined, taskId: string): string {
  const words = [processId, taskName?.trim() || taskId].filter(Boolean).map((part) => kebab(part!));
  return words.filter(Boolean).join('-').slice(0, 120) || 'form';
}

function kebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}
