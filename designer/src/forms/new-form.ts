/** What a new form starts as, and which form ids the editor accepts. Pure. */
import type { FormSchema } from '../tasks/form-schema';

/** Form ids: letters, digits, `-`, `_` and `.`, as in `capa-root-cause`. */
export const FORM_ID_PATTERN = '[A-Za-z0-9][A-Za-z0-9_.\\-]{0,119}';

export function isFormId(text: string): boolean {
  return new RegExp(`^${FORM_ID_PATTERN}$`).test(text);
}

/** An empty form-js schema with the given id, headed by `title` when there is one. */
export function newFormSchema(formId: string, title: string): FormSchema {
  return {
    id: formId,
    type: 'default',
    components: title.trim() ? [{ type: 'text', id: 'Heading', text: `# ${title.trim()}` }] : [],
  };
}
