import type { FormLink } from '../../workflows/model';
import type { Diagnostics } from './diagnostics';
import { findExtension } from './extensions';
import { describe } from './labels';
import { text } from './moddle-access';
import type { BpmnElement } from './types';
import { checkValue } from './value-checks';

/** Camunda Modeler's prefix for a form key that points at a `zeebe:userTaskForm` in the same process. */
const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

/**
 * Reads a user task's `zeebe:formDefinition`: a linked form (`formId`), an embedded
 * form (`formKey` → the process's `zeebe:userTaskForm`, parsed into `schema`), or an
 * external reference. A custom form key that names no embedded form is kept as an
 * external reference, which is what it is for a custom tasklist.
 */
export function readFormLink(
  diagnostics: Diagnostics,
  task: BpmnElement,
  embeddedForms: Map<string, string | undefined>,
): FormLink | undefined {
  const definition = findExtension(task, 'zeebe:FormDefinition');
  if (!definition) return undefined;
  const formId = text(definition, 'formId')?.trim();
  const formKey = text(definition, 'formKey')?.trim();
  const externalReference = text(definition, 'externalReference')?.trim();
  const given = [formId, formKey, externalReference].filter((value) => value !== undefined);

  if (given.length === 0) {
    diagnostics.error(task, `${describe(task)} has a form definition without a form id, form key or external reference`);
    return undefined;
  }
  if (given.length > 1) {
    diagnostics.error(task, `${describe(task)} has a form definition with more than one of form id, form key and external reference; keep one`);
    return undefined;
  }
  if (formId !== undefined) return { formId };
  if (externalReference !== undefined) {
    return checkValue(diagnostics, task, 'the form external reference', externalReference) ? { externalReference } : undefined;
  }

  const embeddedId = formKey!.startsWith(EMBEDDED_FORM_PREFIX) ? formKey!.slice(EMBEDDED_FORM_PREFIX.length) : formKey!;
  if (!embeddedForms.has(embeddedId)) {
    if (formKey!.startsWith(EMBEDDED_FORM_PREFIX)) {
      diagnostics.error(task, `${describe(task)} uses the embedded form "${embeddedId}", which does not exist in the process`);
      return undefined;
    }
    return { externalReference: formKey };
  }
  const schema = parseSchema(diagnostics, task, embeddedId, embeddedForms.get(embeddedId));
  return schema ? { schema } : undefined;
}

function parseSchema(
  diagnostics: Diagnostics,
  task: BpmnElement,
  formId: string,
  json: string | undefined,
): Record<string, unknown> | undefined {
  const subject = `${describe(task)} uses the embedded form "${formId}"`;
  if (json === undefined || json.trim() === '') {
    diagnostics.error(task, `${subject}, which is empty`);
    return undefined;
  }
  let schema: unknown;
  try {
    schema = JSON.parse(json);
  } catch (error) {
    diagnostics.error(task, `${subject}, which is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    diagnostics.error(task, `${subject}, which is not a form schema (a JSON object)`);
    return undefined;
  }
  return schema as Record<string, unknown>;
}
