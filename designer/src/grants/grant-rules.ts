/**
 * Who is offered the Access action, whom a process may still be given to, and what the
 * page says after a change. Pure: the server decides (admins and the process owner only).
 */
import type { User } from '../api/types';
import type { ProcessGrant } from './api';

/**
 * Offers "Access" on a process to admins and to its owner (the one its latest version
 * names, else whoever deployed it), the people the server lets manage its grants.
 */
export function offersAccess(user: Pick<User, 'username' | 'roles'>, definition: { owner?: string | null }): boolean {
  return user.roles.includes('admin') || (!!definition.owner && definition.owner === user.username);
}

/** The people a process may still be given to: active, not its owner, not given it yet; by name. */
export function peopleToOffer<T extends Pick<User, 'username' | 'name'> & { active?: boolean }>(
  users: T[],
  grants: Pick<ProcessGrant, 'username'>[],
  owner: string | null,
): T[] {
  const given = new Set(grants.map((grant) => grant.username));
  return users
    .filter((user) => user.active !== false && user.username !== owner && !given.has(user.username))
    .sort((a, b) => a.name.localeCompare(b.name) || a.username.localeCompare(b.username));
}

/** `Maria Manager (manager)` when the name is known, else the username. */
export function personLabel(username: string, namesByUsername: ReadonlyMap<string, string>): string {
  const name = namesByUsername.get(username);
  return name && name !== username ? `${name} (${username})` : username;
}

/** What the page says once `username` was given the process or had it taken back. */
export function changeMessage(change: 'given' | 'taken back', username: string, processName: string): string {
  return change === 'given'
    ? `${processName} is now given to ${username}: they see all its instances and tasks.`
    : `${processName} was taken back from ${username}.`;
}
