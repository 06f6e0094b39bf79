/**
 * Users and groups: creating people (the admin screen and the demo seed), listing them,
 * and loading the user a session belongs to.
 */
import { z } from 'zod';
import { type AuthUser, type Db, ROLES, type Role } from './context';
import { conflict, unprocessable } from './errors';
import { hashPassword } from './password';
import { CreateUserBody, type CreateUserInput } from './schemas/user.schemas';
import type { UserSchema } from './schemas/auth.schemas';
import { processesOf } from './process-grant.service';

export type UserView = z.output<typeof UserSchema>;

const userInclude = { memberships: { include: { group: true } } } as const;

interface UserRow {
  id: string;
  username: string;
  name: string;
  email: string;
  roles: string;
  managerId: string | null;
  active: boolean;
  memberships: { group: { name: string } }[];
}

export function parseRoles(stored: string): Role[] {
  return stored
    .split(',')
    .map((role) => role.trim())
    .filter((role): role is Role => (ROLES as readonly string[]).includes(role));
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    roles: parseRoles(row.roles),
    groups: row.memberships.map((m) => m.group.name).sort(),
    managerId: row.managerId,
    active: row.active,
  };
}

/**
 * Creates a user with a scrypt password hash; groups that do not exist yet are created.
 * Throws HttpError 409 when the username is taken, 422 when `managerId` names nobody,
 * and a ZodError when the input is malformed.
 */
export async function createUser(db: Db, input: CreateUserInput): Promise<UserView> {
  const user = CreateUserBody.parse(input);
  if (await db.user.findUnique({ where: { username: user.username } })) {
    throw conflict(`A user named "${user.username}" already exists`);
  }
  if (user.managerId && !(await db.user.findUnique({ where: { id: user.managerId } }))) {
    throw unprocessable(`No user with id "${user.managerId}" to report to`, [{ path: 'managerId', message: 'unknown user' }]);
  }
  const passwordHash = await hashPassword(user.password);
  const groups = [...new Set(user.groups)];
  try {
    const created = await db.user.create({
      data: {
        username: user.username,
        name: user.name,
        email: user.email,
        passwordHash,
        roles: [...new Set(user.roles)].join(','),
        managerId: user.managerId ?? null,
        memberships: {
          create: groups.map((name) => ({
            group: { connectOrCreate: { where: { name }, create: { name } } },
          })),
        },
      },
      include: userInclude,
    });
    return toUserView(created);
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw conflict(`A user named "${user.username}" already exists`);
    throw err;
  }
}

export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await db.user.findMany({ include: userInclude, orderBy: { username: 'asc' } });
  return rows.map(toUserView);
}

export async function listGroups(db: Db): Promise<{ id: string; name: string; members: string[] }[]> {
  const rows = await db.group.findMany({
    include: { members: { include: { user: { select: { username: true } } } } },
    orderBy: { name: 'asc' },
  });
  return rows.map((g) => ({ id: g.id, name: g.name, members: g.members.map((m) => m.user.username).sort() }));
}

/** Loads the user a request runs as (with groups and direct reports); null when missing or inactive. */
export async function loadAuthUser(db: Db, userId: string): Promise<AuthUser | null> {
  const row = await db.user.findUnique({
    where: { id: userId },
    include: { ...userInclude, reports: { select: { username: true } } },
  });
  if (!row || !row.active) return null;
  const view = toUserView(row);
  return {
    id: view.id,
    username: view.username,
    name: view.name,
    email: view.email,
    roles: view.roles,
    groups: view.groups,
    managerId: view.managerId,
    reports: view.roles.includes('manager') ? row.reports.map((r) => r.username) : [],
    processes: await processesOf(db, view.username),
  };
}

/** The public view of the request's user. */
export function toAuthUserView(user: AuthUser): UserView {
  const { id, username, name, email, roles, groups, managerId } = user;
  return { id, username, name, email, roles, groups, managerId, active: true };
}
