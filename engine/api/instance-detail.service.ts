/**
 * The instance page's extra reads, within the caller's instance scope: the timeline
 * (engine/api/instance-detail.timeline.ts) and, for admins, the instance's address in
 * the Temporal UI when one is configured (`temporalUiUrl`, engine/config.ts).
 */
import type { z } from 'zod';
import { instanceScope } from './access';
import { type ApiDeps, type AuthUser, type Db, hasRole } from './context';
import { parseModel } from './definition.service';
import { notFound } from './errors';
import type { InstanceTimeline } from './schemas/instance-detail.schemas';
import { buildTimeline } from './instance-detail.timeline';

/** The instance row if `user` may see it; HttpError 404 otherwise (no hint that it exists). */
export async function findVisibleInstance(db: Db, user: AuthUser, id: string) {
  const scope = instanceScope(user);
  const row = await db.instance.findFirst({ where: scope ? { AND: [{ id }, scope] } : { id } });
  if (!row) throw notFound(`No instance "${id}"`);
  return row;
}

/** Every step and event of instance `id`, oldest first. Throws HttpError 404 when `user` may not see it. */
export async function instanceTimeline(deps: ApiDeps, user: AuthUser, id: string, now = new Date()): Promise<z.output<typeof InstanceTimeline>> {
  const row = await findVisibleInstance(deps.db, user, id);
  const where = { instanceId: id };
  const [definition, tasks, escalations, incidents, waits, audit] = await Promise.all([
    deps.db.definition.findUnique({ where: { id: row.definitionId }, select: { model: true } }),
    deps.db.task.findMany({ where, orderBy: { createdAt: 'asc' } }),
    deps.db.taskEscalation.findMany({ where, orderBy: { at: 'asc' } }),
    deps.db.incident.findMany({ where, orderBy: { createdAt: 'asc' } }),
    deps.db.subscription.findMany({ where, orderBy: { createdAt: 'asc' } }),
    deps.db.auditEntry.findMany({ where, orderBy: { at: 'asc' } }),
  ]);
  const entries = buildTimeline(
    { instance: { startedAt: row.startedAt, path: parseList(row.path) }, names: elementNames(definition?.model), tasks, escalations, incidents, waits, audit },
    now,
  );
  return { instanceId: id, entries, temporalUrl: hasRole(user, 'admin') ? temporalUiUrl(deps, id) : null };
}

/** The instance's page in the Temporal UI; null when no UI is configured. */
export function temporalUiUrl(deps: Pick<ApiDeps, 'temporal' | 'temporalUiUrl'>, instanceId: string): string | null {
  if (!deps.temporalUiUrl) return null;
  const base = deps.temporalUiUrl.replace(/\/+$/, '');
  const namespace = deps.temporal.options.namespace ?? 'default';
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(instanceId)}`;
}

/** Element id → name (its id when unnamed) of a stored process model. */
export function elementNames(model: string | undefined): Record<string, string> {
  if (!model) return {};
  const elements = parseModel(model).elements ?? {};
  return Object.fromEntries(Object.entries(elements).map(([id, element]) => [id, element.name || id]));
}

function parseList(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
