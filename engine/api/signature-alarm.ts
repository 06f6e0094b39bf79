/**
 * Reports possible unauthorised use (21 CFR Part 11 §11.300(d)): when a user's signing is
 * locked after repeated wrong passwords, the admins and the user are told in the app (and
 * by mail, by their preference), and the lock is audited as `signature.locked`.
 */
import { randomUUID } from 'node:crypto';
import { notifyUsers } from '../../activities/notifications/index';
import type { AuthUser, Db } from './context';
import type { TaskRow } from './task-view';
import { recordAudit } from './audit-entry';

/** Tells the admins and `user` that signing as `user` is locked for `minutes`. */
export async function reportSigningLocked(db: Db, user: AuthUser, row: TaskRow, minutes: number): Promise<void> {
  const eventId = `signature-locked:${randomUUID()}`;
  const details = { lockedForMinutes: minutes, elementId: row.elementId };
  await recordAudit(db, { id: eventId, actor: user.username, action: 'signature.locked', instanceId: row.instanceId, taskId: row.id, details });
  const admins = await db.user.findMany({ where: { roles: { contains: 'admin' }, active: true }, select: { username: true, roles: true } });
  const recipients = admins.filter((admin) => admin.roles.split(',').includes('admin')).map((admin) => admin.username);
  await notifyUsers(
    { db },
    {
      eventId,
      kind: 'info',
      usernames: [...recipients, user.username],
      subject: `Signing locked for ${user.name}`,
      text: `Electronic signing as ${user.username} is locked for ${minutes} minutes after repeated wrong passwords on "${row.name}". If this was not ${user.name}, the password may be known to someone else.`,
      taskId: row.id,
      instanceId: row.instanceId,
    },
  );
}
