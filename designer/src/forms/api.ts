/** Calls of the form editor: the list of forms, one form's latest schema, saving a schema. */
import { ApiError, apiRequest } from '../api/client';
import type { FormSchema } from '../tasks/form-schema';

export interface FormSummary {
  formId: string;
  version: number;
  name: string | null;
  savedAt: string;
}

export interface SavedForm {
  formId: string;
  version: number;
  /** false when the schema was the same as the latest version. */
  changed: boolean;
}

export interface StoredForm {
  formId: string;
  version: number;
  schema: FormSchema;
}

const formPath = (formId: string) => `/api/forms/${encodeURIComponent(formId)}`;

export const listForms = () => apiRequest<{ items: FormSummary[] }>('/api/forms').then((list) => list.items);

/** The latest version of a form, or null when no form has this id yet. */
export async function fetchForm(formId: string): Promise<StoredForm | null> {
  try {
    return await apiRequest<StoredForm>(formPath(formId));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const saveForm = (formId: string, schema: FormSchema) =>
  apiRequest<SavedForm>(formPath(formId), { method: 'PUT', body: { schema } });
