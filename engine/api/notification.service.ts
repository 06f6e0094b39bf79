/**
 * In-app notifications (each user sees only their own), the mail outbox (admins) and
 * how a user wants their mail (immediately or as a daily digest).
 */
import type { Db } from './context';
import { notFound } from './errors';
import type { Preferences } from './schemas/notification.schemas';

interface PageInput {
  page: number;
  pageSize: number;
}

/** The caller's notifications, newest first, with the total and the unread count. */
export async function listNotifications(db: Db, userId: string, query: PageInput & { unread?: boolean }) {
  const where = { userId, ...(query.unread ? { readAt: null } : {}) };
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.notification.count({ where }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { items: rows.map(toNotificationView), total, unread };
}

/**
 * Marks one of the caller's notifications read (again: keeps the first time).
 * @throws HttpError 404 when no notification with that id belongs to the caller.
 */
export async function markRead(db: Db, userId: string, id: string, now = new Date()) {
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
  const row = await db.notification.findFirst({ where: { id, userId } });
  if (!row) throw notFound(`You have no notification "${id}"`);
  return toNotificationView(row);
}

/** Marks every unread notification of the caller read. */
export async function markAllRead(db: Db, userId: string, now = new Date()) {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return { marked: count };
}

/** Stored mail, newest first: the outbox when no SMTP is configured, else the delivery log. */
export async function listOutbox(db: Db, query: PageInput & { state?: string; username?: string }) {
  const where = { ...(query.state ? { state: query.state } : {}), ...(query.username ? { username: query.username } : {}) };
  const [rows, total] = await Promise.all([
    db.mailMessage.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.mailMessage.count({ where }),
  ]);
  return {
    items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null })),
    total,
  };
}

export async function readPreferences(db: Db, userId: string): Promise<Preferences> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { notifyBy: true } });
  return { notifyBy: user.notifyBy === 'digest' ? 'digest' : 'immediate' };
}

/** Sets how the caller gets mail; mail already waiting for a digest still goes with the digest. */
export async function writePreferences(db: Db, userId: string, preferences: Preferences): Promise<Preferences> {
  await db.user.update({ where: { id: userId }, data: { notifyBy: preferences.notifyBy } });
  return preferences;
}

function toNotificationView(row: {
  id: string; kind: string; subject: string; body: string; eventId: string | null; taskId: string | null; instanceId: string | null; createdAt: Date; readAt: Date | null;
}) {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    eventId: row.eventId,
    taskId: row.taskId,
    instanceId: row.instanceId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
