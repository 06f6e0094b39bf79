/**
 * A process's version history for the designer: who deployed which version when (with
 * the XML's hash and version tag), and the XML of any one version, for opening it in
 * the modeler or comparing two. Sandbox processes are only for process owners and admins.
 */
import { type AuthUser, type Db, hasRole } from './context';
import { findDefinition } from './definition.service';
import { isSandboxKey } from './designer-sandbox';
import { notFound } from './errors';
import { route, type AnyRoute } from './route';
import { ErrorSchema } from './schemas/common.schemas';
import { KeyParams } from './schemas/definition.schemas';
import { DefinitionVersionList, KeyVersionParams } from './schemas/designer.schemas';
import { z } from 'zod';

function assertMaySee(user: AuthUser, key: string): void {
  if (isSandboxKey(key) && !hasRole(user, 'owner', 'admin')) throw notFound(`No process "${key}" is deployed`);
}

/** Every version of `key`, newest first. @throws HttpError 404 when none (or a sandbox the caller may not see). */
export async function listVersionHistory(db: Db, user: AuthUser, key: string) {
  assertMaySee(user, key);
  const rows = await db.definition.findMany({
    where: { key },
    select: { id: true, version: true, name: true, deployedBy: true, createdAt: true, hash: true, versionTag: true },
    orderBy: { version: 'desc' },
  });
  if (rows.length === 0) throw notFound(`No process "${key}" is deployed`);
  const items = rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  return { key, items, total: items.length };
}

export function versionRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/definitions/:key/versions',
      summary: 'Version history of a process: who deployed which version when, newest first',
      tag: 'designer',
      access: 'user',
      params: KeyParams,
      responses: { 200: { description: 'Versions', schema: DefinitionVersionList }, 404: { description: 'No such process', schema: ErrorSchema } },
      async handle({ deps, user, params }) {
        return { body: await listVersionHistory(deps.db, user, params.key) };
      },
    }),
    route({
      method: 'get',
      path: '/definitions/:key/versions/:version/xml',
      summary: 'The BPMN XML of one version',
      tag: 'designer',
      access: 'user',
      params: KeyVersionParams,
      responses: {
        200: { description: 'BPMN XML', contentType: 'application/xml', schema: z.string() },
        404: { description: 'No such process or version', schema: ErrorSchema },
      },
      async handle({ deps, user, params }) {
        assertMaySee(user, params.key);
        const row = await findDefinition(deps.db, params.key, params.version);
        return { body: row.xml, contentType: 'application/xml', headers: { 'X-Definition-Version': String(row.version) } };
      },
    }),
  ];
}
