/**
 * form-js forms deployed on their own and linked from user tasks by
 * `zeebe:formDefinition formId`. Each deployment of a changed schema is a new version;
 * a task shows the latest version of its form.
 */
import type { FormLink } from '../../workflows/model';
import type { Db } from './context';
import { badRequest, notFound } from './errors';
import { FormSchemaBody } from './schemas/form.schemas';

export interface DeployedForm {
  formId: string;
  version: number;
  /** false when the schema equals the latest version (nothing stored). */
  created: boolean;
}

/**
 * Stores `schema` as the next version of the form named by its `id`. Throws HttpError
 * 400 when the schema has no string `id`.
 */
export async function deployForm(db: Db, schema: object): Promise<DeployedForm> {
  const parsed = FormSchemaBody.safeParse(schema);
  if (!parsed.success) throw badRequest('A form-js schema needs a string "id"');
  const formId = parsed.data.id;
  const text = JSON.stringify(schema);
  for (let attempt = 0; ; attempt++) {
    const latest = await db.form.findFirst({ where: { formId }, orderBy: { version: 'desc' } });
    if (latest && latest.schema === text) return { formId, version: latest.version, created: false };
    try {
      const created = await db.form.create({ data: { formId, version: (latest?.version ?? 0) + 1, schema: text } });
      return { formId, version: created.version, created: true };
    } catch (err) {
      if ((err as { code?: string }).code !== 'P2002' || attempt >= 3) throw err;
    }
  }
}

/** The given or latest version of a form. Throws HttpError 404 when there is none. */
export async function getForm(db: Db, formId: string, version?: number) {
  const row = await db.form.findFirst({
    where: version === undefined ? { formId } : { formId, version },
    orderBy: { version: 'desc' },
  });
  if (!row) throw notFound(`No form "${formId}"${version === undefined ? '' : ` version ${version}`} is deployed`);
  return { formId: row.formId, version: row.version, schema: JSON.parse(row.schema) as Record<string, unknown> };
}

/** The form-js schema a task shows: its embedded schema, else the latest form with its id; null when none. */
export async function resolveFormSchema(db: Db, link: FormLink | null): Promise<Record<string, unknown> | null> {
  if (!link) return null;
  if (link.schema) return link.schema;
  if (!link.formId) return null;
  const row = await db.form.findFirst({ where: { formId: link.formId }, orderBy: { version: 'desc' } });
  return row ? (JSON.parse(row.schema) as Record<string, unknown>) : null;
}
