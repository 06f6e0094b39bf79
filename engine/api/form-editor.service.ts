/**
 * Saving forms from the designer's form editor and listing the forms there are. A save
 * of a changed schema is a new version (through `deployForm`) and is written to the
 * audit trail; saving the same schema again changes nothing.
 */
import type { FormSchema } from '../forms/form-schema';
import type { AuthUser, Db } from './context';
import { checkFormSchema } from './form-editor.checks';
import { badRequest } from './errors';
import { deployForm } from './form.service';

export interface SavedForm {
  formId: string;
  version: number;
  /** false when the schema equals the latest version (nothing stored, nothing audited). */
  changed: boolean;
}

export interface FormSummary {
  formId: string;
  version: number;
  /** The schema's name or its first heading, when it has one. */
  name: string | null;
  /** ISO date-time of the latest version. */
  savedAt: string;
}

/**
 * Stores `schema` as the next version of form `formId`. Throws HttpError 400 when the
 * schema's id is not `formId` or the schema has problems (listed in the details).
 */
export async function saveForm(db: Db, user: AuthUser, formId: string, schema: FormSchema): Promise<SavedForm> {
  if (schema.id !== formId) throw badRequest(`The schema's id "${String(schema.id)}" must be the form id "${formId}"`);
  const problems = checkFormSchema(schema);
  if (problems.length > 0) {
    throw badRequest(`The form has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
  }
  const { version, created } = await deployForm(db, schema);
  if (created) {
    await db.auditEntry.upsert({
      where: { id: `form.saved:${formId}:${version}` },
      create: {
        id: `form.saved:${formId}:${version}`,
        actor: user.username,
        action: 'form.saved',
        details: JSON.stringify({ formId, version }),
      },
      update: {},
    });
  }
  return { formId, version, changed: created };
}

/** The latest version of every form, by form id. */
export async function listForms(db: Db): Promise<FormSummary[]> {
  const latest = await db.form.groupBy({ by: ['formId'], _max: { version: true }, orderBy: { formId: 'asc' } });
  const rows = await db.form.findMany({
    where: { OR: latest.map((row) => ({ formId: row.formId, version: row._max.version ?? 0 })) },
    orderBy: { formId: 'asc' },
  });
  return rows.map((row) => ({ formId: row.formId, version: row.version, name: nameOf(row.schema), savedAt: row.createdAt.toISOString() }));
}

function nameOf(text: string): string | null {
  const schema = JSON.parse(text) as FormSchema & { name?: unknown };
  if (typeof schema.name === 'string' && schema.name.trim()) return schema.name.trim();
  const heading = schema.components?.find((component) => component.type === 'text' && typeof component.text === 'string');
  const line = typeof heading?.text === 'string' ? heading.text.split('\n')[0].replace(/^#+\s*/, '').trim() : '';
  return line || null;
}
