/**
 * Which processes a user sees in full: those they own — `qualflow:owner` of the latest
 * version, or its deployer when the process names no owner — and those given to them
 * (ProcessGrant, typically a manager watching a process). Owners and admins give and take
 * back grants; every change is audited.
 */
import type { AuthUser, Db } from './context';
import { hasRole } from './context';
import { badRequest, forbidden, notFound } from './errors';
import { recordAudit } from './audit-entry';

/** The owner of a definition version: `qualflow:owner`, else whoever deployed it. */
export function ownerOf(row: { owner: string | null; deployedBy: string | null }): string | null {
  return row.owner ?? row.deployedBy;
}

/** `username` is the owner version `definitionId` names (`qualflow:owner`), whatever their role. */
export async function namedOwnerIs(db: Db, definitionId: string, username: string): Promise<boolean> {
  const definition = await db.definition.findUnique({ where: { id: definitionId }, select: { owner: true } });
  return definition?.owner === username;
}

/**
 * Keys of the processes `username` owns or is given, for `AuthUser.processes`. Runs on
 * every request, so it reads only the processes some version of which names the user
 * (owner, or deployer of an unowned version), then keeps those whose latest version does.
 */
export async function processesOf(db: Db, username: string): Promise<string[]> {
  const [named, grants] = await Promise.all([
    db.definition.findMany({
      where: { OR: [{ owner: username }, { owner: null, deployedBy: username }] },
      select: { key: true },
      distinct: ['key'],
    }),
    db.processGrant.findMany({ where: { username }, select: { processKey: true } }),
  ]);
  const latest =
    named.length === 0
      ? []
      : await db.definition.findMany({
          where: { key: { in: named.map((row) => row.key) } },
          select: { key: true, owner: true, deployedBy: true },
          distinct: ['key'],
          orderBy: [{ key: 'asc' }, { version: 'desc' }],
        });
  const owned = latest.filter((row) => ownerOf(row) === username).map((row) => row.key);
  return [...new Set([...owned, ...grants.map((grant) => grant.processKey)])].sort();
}

/** The latest version's owner of `processKey`; HttpError 404 when no such process. */
async function processOwner(db: Db, processKey: string): Promise<string | null> {
  const latest = await db.definition.findFirst({
    where: { key: processKey },
    orderBy: { version: 'desc' },
    select: { owner: true, deployedBy: true },
  });
  if (!latest) throw notFound(`No process "${processKey}"`);
  return ownerOf(latest);
}

/** Admins and the process's owner manage its grants; HttpError 403 for anyone else. */
async function assertManages(db: Db, user: AuthUser, processKey: string): Promise<void> {
  const owner = await processOwner(db, processKey);
  if (!hasRole(user, 'admin') && owner !== user.username) throw forbidden('Only an admin or the process owner manages who is given the process');
}

export async function listGrants(db: Db, user: AuthUser, processKey: string) {
  await assertManages(db, user, processKey);
  const rows = await db.processGrant.findMany({ where: { processKey }, orderBy: { username: 'asc' } });
  return { items: rows.map((row) => ({ username: row.username, grantedBy: row.grantedBy, createdAt: row.createdAt.toISOString() })) };
}

/** Gives `processKey` to `username` (idempotent). HttpError 400 for an unknown user. */
export async function grantProcess(db: Db, user: AuthUser, processKey: string, username: string): Promise<void> {
  await assertManages(db, user, processKey);
  if (!(await db.user.findUnique({ where: { username }, select: { id: true } }))) throw badRequest(`No user "${username}"`);
  const existing = await db.processGrant.findUnique({ where: { processKey_username: { processKey, username } } });
  if (existing) return;
  await db.processGrant.create({ data: { processKey, username, grantedBy: user.username } });
  await recordAudit(db, { actor: user.username, action: 'process.granted', details: { processKey, username } });
}

/** Takes `processKey` back from `username` (no error when it was not given). */
export async function revokeProcess(db: Db, user: AuthUser, processKey: string, username: string): Promise<void> {
  await assertManages(db, user, processKey);
  const { count } = await db.processGrant.deleteMany({ where: { processKey, username } });
  if (count > 0) await recordAudit(db, { actor: user.username, action: 'process.grant-revoked', details: { processKey, username } });
}
