/**
 * The demo organisation and the QMS templates, seeded into an empty database by
 * `qualflow start`:
 *
 *   groups --> users (password hashed by createUser) --> forms --> templates
 *
 * Every template must compile: a broken one stops the seed with its diagnostics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDefaultCalendar } from './api/calendar.service';
import { deployDefinition } from './api/definition.service';
import { deployForm } from './api/form.service';
import { createUser } from './api/user.service';
import type { Db } from './db/client';

/** Folder of the BPMN templates; their forms are in `forms/` below it. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../workflows/templates/', import.meta.url));
const FORMS_DIR = join(TEMPLATES_DIR, 'forms');

export interface TemplateInfo {
  /** The BPMN process id: the key instances are started by. */
  key: string;
  name: string;
  /** Absolute path of the `.bpmn` file. */
  file: string;
}

const TEMPLATES: readonly Omit<TemplateInfo, 'file'>[] = [
  { key: 'document-approval', name: 'Document approval' },
  { key: 'capa', name: 'CAPA' },
  { key: 'management-review', name: 'Management review' },
];

export const DEMO_GROUPS = ['quality', 'document-control', 'management'] as const;

type Role = 'admin' | 'owner' | 'manager' | 'staff';

interface DemoPerson {
  username: string;
  name: string;
  roles: Role[];
  groups: string[];
  reportsToManager?: boolean;
}

/** `manager` comes before the staff who report to them. */
const DEMO_PEOPLE: readonly DemoPerson[] = [
  { username: 'admin', name: 'Ada Admin', roles: ['admin'], groups: [] },
  { username: 'owner', name: 'Oscar Owner', roles: ['owner'], groups: [] },
  { username: 'manager', name: 'Maria Manager', roles: ['manager'], groups: ['management', 'quality'] },
  { username: 'alice', name: 'Alice Anders', roles: ['staff'], groups: ['quality', 'document-control'], reportsToManager: true },
  { username: 'bob', name: 'Bob Berg', roles: ['staff'], groups: ['quality'], reportsToManager: true },
];

/** The three QMS templates shipped with Qualflow, in the order they are deployed. */
export function listTemplates(): TemplateInfo[] {
  return TEMPLATES.map((template) => ({ ...template, file: join(TEMPLATES_DIR, `${template.key}.bpmn`) }));
}

/**
 * Every form-js schema the templates link to, read from `workflows/templates/forms`.
 *
 * @throws Error when a file is not JSON or its `id` differs from its file name.
 */
export function listTemplateForms(): { file: string; schema: { id: string } & Record<string, unknown> }[] {
  return readdirSync(FORMS_DIR)
    .filter((name) => name.endsWith('.form'))
    .sort()
    .map((name) => {
      const file = join(FORMS_DIR, name);
      const schema = JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown } & Record<string, unknown>;
      if (schema.id !== basename(name, '.form')) {
        throw new Error(`Form ${file} has id ${JSON.stringify(schema.id)}; it must be "${basename(name, '.form')}"`);
      }
      return { file, schema: schema as { id: string } & Record<string, unknown> };
    });
}

/**
 * Seeds the demo organisation (groups, the users admin, owner, manager, alice and bob,
 * all with `password`) and deploys every template form and template, logging each step.
 * Does nothing and returns false when the database already has a user.
 *
 * @throws Error when a template does not compile (the message lists every diagnostic),
 *   or when a form file is malformed.
 */
export async function seedDemo(db: Db, opts: { password: string; log?: (line: string) => void }): Promise<boolean> {
  const log = opts.log ?? (() => {});
  if ((await db.user.count()) > 0) return false;

  for (const name of DEMO_GROUPS) {
    await db.group.upsert({ where: { name }, update: {}, create: { name } });
    log(`Demo: group ${name}`);
  }
  let managerId: string | undefined;
  for (const person of DEMO_PEOPLE) {
    const user = await createUser(db, {
      username: person.username,
      name: person.name,
      email: `${person.username}@example.com`,
      password: opts.password,
      roles: person.roles,
      groups: person.groups,
      ...(person.reportsToManager && managerId ? { managerId } : {}),
    });
    if (person.username === 'manager') managerId = user.id;
    const groups = person.groups.length > 0 ? `; groups ${person.groups.join(', ')}` : '';
    log(`Demo: user ${person.username} (${person.roles.join(', ')}${groups})`);
  }

  for (const { schema } of listTemplateForms()) {
    const form = await deployForm(db, schema);
    log(`Demo: form ${form.formId} version ${form.version}`);
  }
  await seedDefaultCalendar(db, log);
  for (const template of listTemplates()) {
    const result = await deployDefinition(db, readFileSync(template.file, 'utf8'), 'owner');
    if (!result.ok) {
      const lines = result.errors.map((d) => `  ${d.elementId}: ${d.message}`).join('\n');
      throw new Error(`Template ${basename(template.file)} does not compile:\n${lines}`);
    }
    const { key, version, name } = result.definition;
    log(`Demo: process "${name}" (${key}) version ${version}`);
  }
  return true;
}
