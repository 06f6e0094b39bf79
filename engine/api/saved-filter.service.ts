/**
 * Saved task list filters, one set per user: nobody sees or changes another's. A query
 * is checked against the task list's own parameters before it is stored, so a saved
 * filter always runs.
 */
import type { z } from 'zod';
import type { AuthUser, Db } from './context';
import { badRequest, conflict, notFound, zodDetails } from './errors';
import type { FilterQuery, SavedFilterBody, SavedFilterPatch, SavedFilterSchema } from './schemas/saved-filter.schemas';
import { TaskListQuery } from './schemas/task.schemas';
import { parseJson } from './task-view';

type SavedFilter = z.output<typeof SavedFilterSchema>;
type Query = z.output<typeof FilterQuery>;

function checkQuery(query: Query): void {
  const result = TaskListQuery.strict().safeParse(query);
  if (!result.success) throw badRequest('The filter is not a valid task list query', zodDetails(result.error));
}

function toView(row: { id: string; name: string; query: string; createdAt: Date }): SavedFilter {
  return { id: row.id, name: row.name, query: parseJson<Query>(row.query, {}), createdAt: row.createdAt.toISOString() };
}

async function ownFilter(db: Db, user: AuthUser, id: string) {
  const row = await db.savedFilter.findUnique({ where: { id } });
  if (!row || row.username !== user.username) throw notFound(`No saved filter "${id}"`);
  return row;
}

async function nameFree(db: Db, user: AuthUser, name: string, exceptId?: string): Promise<void> {
  const clash = await db.savedFilter.findUnique({ where: { username_name: { username: user.username, name } } });
  if (clash && clash.id !== exceptId) throw conflict(`You already have a filter named "${name}"`);
}

/** The caller's saved filters, by name. */
export async function listFilters(db: Db, user: AuthUser): Promise<SavedFilter[]> {
  const rows = await db.savedFilter.findMany({ where: { username: user.username }, orderBy: { name: 'asc' } });
  return rows.map(toView);
}

/** Saves a filter; 400 when the query is not a task list query, 409 when the name is taken. */
export async function createFilter(db: Db, user: AuthUser, body: z.output<typeof SavedFilterBody>): Promise<SavedFilter> {
  checkQuery(body.query);
  await nameFree(db, user, body.name);
  const row = await db.savedFilter.create({ data: { username: user.username, name: body.name, query: JSON.stringify(body.query) } });
  return toView(row);
}

/** Renames a filter or replaces its query; 404 when it is not the caller's. */
export async function updateFilter(db: Db, user: AuthUser, id: string, patch: z.output<typeof SavedFilterPatch>): Promise<SavedFilter> {
  await ownFilter(db, user, id);
  if (patch.query) checkQuery(patch.query);
  if (patch.name) await nameFree(db, user, patch.name, id);
  const row = await db.savedFilter.update({
    where: { id },
    data: { ...(patch.name ? { name: patch.name } : {}), ...(patch.query ? { query: JSON.stringify(patch.query) } : {}) },
  });
  return toView(row);
}

/** Deletes a filter; 404 when it is not the caller's. */
export async function deleteFilter(db: Db, user: AuthUser, id: string): Promise<void> {
  await ownFilter(db, user, id);
  await db.savedFilter.delete({ where: { id } });
}
