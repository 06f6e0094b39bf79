/**
 * Reading the form-js schema a task carries. Pure.
 */

export type FormSchema = Record<string, unknown> & { components?: unknown[] };

/**
 * The form-js schema of a task's form, from whichever shape the API sent: the schema
 * itself, a form link with an embedded (or resolved) `schema`, or either as JSON text.
 * `null` when the task has no form the tasklist can render.
 */
export function schemaOf(form: unknown): FormSchema | null {
  if (typeof form === 'string') return schemaOf(parseJson(form));
  if (!form || typeof form !== 'object') return null;
  const record = form as Record<string, unknown>;
  if (Array.isArray(record.components)) return record as FormSchema;
  if (record.schema !== undefined) return schemaOf(record.schema);
  return null;
}

/** Field key → label, for every field in the schema (groups and nested containers included). */
export function fieldLabels(schema: FormSchema | null): Record<string, string> {
  const labels: Record<string, string> = {};
  const visit = (components: unknown[] | undefined) => {
    for (const component of components ?? []) {
      if (!component || typeof component !== 'object') continue;
      const { key, label, components: children } = component as Record<string, unknown>;
      if (typeof key === 'string' && typeof label === 'string' && label) labels[key] = label;
      if (Array.isArray(children)) visit(children);
    }
  };
  visit(schema?.components);
  return labels;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
