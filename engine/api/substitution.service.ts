/**
 * Out of office: a user names a substitute for a period; while it runs, new tasks and
 * escalations meant for them go to the substitute (activities/substitutes.ts). Users
 * manage their own; admins anyone's. The substitute may see the periods they stand in.
 */
import type { z } from 'zod';
import type { Prisma } from '../db/generated/client';
import { type AuthUser, type Db, hasRole } from './context';
import { badRequest, forbidden, notFound } from './errors';
import type { CreateSubstitutionBody, SubstitutionListQuery, SubstitutionSchema } from './schemas/substitution.schemas';

type View = z.output<typeof SubstitutionSchema>;
type Row = NonNullable<Awaited<ReturnType<Db['substitution']['findUnique']>>>;

function toView(row: Row, now: Date): View {
  return {
    id: row.id,
    username: row.username,
    substitute: row.substitute,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    active: row.startsAt <= now && now < row.endsAt,
  };
}

const invalid = (path: string, message: string) => badRequest('Invalid request body', [{ path, message }]);

async function activeUser(db: Db, username: string): Promise<boolean> {
  const found = await db.user.findUnique({ where: { username }, select: { active: true } });
  return found?.active === true;
}

/** Records a substitution; 400 when the substitute is unknown, inactive or the absent user, 403 for someone else's (non-admin). */
export async function createSubstitution(db: Db, user: AuthUser, body: z.output<typeof CreateSubstitutionBody>, now = new Date()): Promise<View> {
  const username = body.username ?? user.username;
  if (username !== user.username && !hasRole(user, 'admin')) throw forbidden('Only an admin may name a substitute for someone else');
  if (username !== user.username && !(await db.user.findUnique({ where: { username }, select: { id: true } }))) {
    throw invalid('username', `No user "${username}"`);
  }
  if (body.substitute === username) throw invalid('substitute', 'A user cannot substitute for themselves');
  if (!(await activeUser(db, body.substitute))) throw invalid('substitute', `No active user "${body.substitute}"`);
  if (body.endsAt <= now) throw invalid('endsAt', 'The period has already ended');
  const row = await db.substitution.create({
    data: { username, substitute: body.substitute, startsAt: body.startsAt, endsAt: body.endsAt, reason: body.reason ?? null, createdBy: user.username, createdAt: now },
  });
  return toView(row, now);
}

/** The substitutions the caller is away in or stands in for (admins: all, or one user's), latest start first. */
export async function listSubstitutions(db: Db, user: AuthUser, query: z.output<typeof SubstitutionListQuery>, now = new Date()) {
  const where: Prisma.SubstitutionWhereInput[] = [];
  if (!hasRole(user, 'admin')) where.push({ OR: [{ username: user.username }, { substitute: user.username }] });
  if (query.username) where.push({ username: query.username });
  if (query.current) where.push({ endsAt: { gt: now } });
  const rows = await db.substitution.findMany({ where: { AND: where }, orderBy: [{ startsAt: 'desc' }, { createdAt: 'desc' }], take: 500 });
  return { items: rows.map((row) => toView(row, now)), total: rows.length };
}

/**
 * Ends a substitution now (one that has not started yet is cancelled: it ends where it
 * starts). The absent user or an admin; 404 when the caller may not see it.
 */
export async function endSubstitution(db: Db, user: AuthUser, id: string, now = new Date()): Promise<View> {
  const row = await db.substitution.findUnique({ where: { id } });
  const mayManage = row && (row.username === user.username || hasRole(user, 'admin'));
  if (!row || (!mayManage && row.substitute !== user.username)) throw notFound(`No substitution "${id}"`);
  if (!mayManage) throw forbidden('Only the absent user or an admin may end a substitution');
  if (row.endsAt <= now) return toView(row, now);
  const endsAt = row.startsAt > now ? row.startsAt : now;
  return toView(await db.substitution.update({ where: { id }, data: { endsAt } }), now);
}
