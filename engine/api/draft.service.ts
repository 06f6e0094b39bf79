/**
 * Drafts of diagrams saved by the designer. A process owner sees the drafts they
 * created and the drafts of processes they own or are given (`seesProcess`); an admin
 * sees all. Saving is the whole
 * diagram each time (autosave), so repeating a save changes nothing.
 */
import type { Draft } from '../db/generated/client';
import { seesProcess } from './access';
import { type AuthUser, type Db, hasRole } from './context';
import { notFound } from './errors';

export interface DraftInput {
  name: string;
  xml: string;
  processKey?: string;
  baseVersion?: number;
}

export interface DraftChange {
  xml: string;
  name?: string;
  processKey?: string;
}

const summarySelect = {
  id: true,
  name: true,
  processKey: true,
  baseVersion: true,
  createdBy: true,
  updatedBy: true,
  createdAt: true,
  updatedAt: true,
} as const;

type DraftSummaryRow = Omit<Draft, 'xml'>;

function toView<T extends DraftSummaryRow>(row: T) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

function maySee(user: AuthUser, draft: DraftSummaryRow): boolean {
  return hasRole(user, 'admin') || draft.createdBy === user.username || seesProcess(user, draft.processKey ?? undefined);
}

/** The draft `id` if `user` may see it. @throws HttpError 404 otherwise (no hint that it exists). */
async function loadVisible(db: Db, user: AuthUser, id: string): Promise<Draft> {
  const draft = await db.draft.findUnique({ where: { id } });
  if (!draft || !maySee(user, draft)) throw notFound(`No draft "${id}"`);
  return draft;
}

/** Stores a new draft owned by `user`. */
export async function createDraft(db: Db, user: AuthUser, input: DraftInput) {
  const row = await db.draft.create({
    data: {
      name: input.name,
      xml: input.xml,
      processKey: input.processKey ?? null,
      baseVersion: input.baseVersion ?? null,
      createdBy: user.username,
      updatedBy: user.username,
    },
  });
  return toView(row);
}

/** One draft with its XML. @throws HttpError 404 when absent or not visible to `user`. */
export async function getDraft(db: Db, user: AuthUser, id: string) {
  return toView(await loadVisible(db, user, id));
}

/**
 * Replaces the draft's diagram (and name / process key when given). A save that changes
 * nothing writes nothing, so `updatedAt` stays.
 *
 * @throws HttpError 404 when absent or not visible to `user`.
 */
export async function saveDraft(db: Db, user: AuthUser, id: string, change: DraftChange) {
  const draft = await loadVisible(db, user, id);
  const name = change.name ?? draft.name;
  const processKey = change.processKey ?? draft.processKey;
  if (draft.xml === change.xml && draft.name === name && draft.processKey === processKey) return toView(draft);
  const row = await db.draft.update({ where: { id }, data: { xml: change.xml, name, processKey, updatedBy: user.username } });
  return toView(row);
}

/** Deletes the draft. @throws HttpError 404 when absent or not visible to `user`. */
export async function deleteDraft(db: Db, user: AuthUser, id: string): Promise<void> {
  await loadVisible(db, user, id);
  await db.draft.deleteMany({ where: { id } });
}

/** The drafts `user` may see (optionally of one process), most recently saved first, without their XML. */
export async function listDrafts(db: Db, user: AuthUser, filter: { processKey?: string }) {
  const where = filter.processKey ? { processKey: filter.processKey } : {};
  const scope = hasRole(user, 'admin') ? {} : { OR: [{ createdBy: user.username }, { processKey: { in: user.processes ?? [] } }] };
  const rows = await db.draft.findMany({ where: { AND: [where, scope] }, select: summarySelect, orderBy: { updatedAt: 'desc' } });
  return { items: rows.map(toView), total: rows.length };
}
