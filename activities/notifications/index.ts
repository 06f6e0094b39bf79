/**
 * Notifications: one in-app row and at most one mail per (eventId, username), however
 * often or concurrently this runs. Mail goes out at once (claimed, then sent over SMTP),
 * waits for the user's daily digest, or, with no SMTP configured, stays in the outbox.
 */
import { deliverInBackground } from './mail-delivery';
import { eventSection, factsFor, linkFor, mailFooter } from './mail-text';
import { mailConfigOf, messageIdFor, type MailDependencies } from './mail-transport';

export type { MailDependencies } from './mail-transport';
export { mailDeliveriesSettled } from './mail-delivery';

export type NotificationKind = 'task.assigned' | 'task.reminder' | 'task.overdue' | 'task.escalated' | 'task.reassigned' | 'info';

export interface NotificationEvent {
  /** Idempotency: one in-app notification and at most one mail per (eventId, username), however often this runs. */
  eventId: string;
  kind: NotificationKind;
  /** Recipients by username; unknown or inactive users are skipped. */
  usernames: string[];
  subject: string;
  text: string;
  taskId?: string;
  instanceId?: string;
}

/**
 * Notifies each recipient in the app and, by their preference (`User.notifyBy`), by mail
 * now or in the daily digest. Returns once the rows are stored; immediate mail is then
 * sent in the background (never SMTP inside the caller, which may be a local activity or
 * an API request). An SMTP failure leaves the mail `failed` for the mail retry run.
 */
export async function notifyUsers(deps: MailDependencies, event: NotificationEvent): Promise<{ notified: string[] }> {
  const { db, clock = () => new Date() } = deps;
  const config = mailConfigOf(deps);
  const usernames = [...new Set(event.usernames)];
  const users = await db.user.findMany({
    where: { username: { in: usernames }, active: true },
    select: { id: true, username: true, email: true, notifyBy: true },
  });
  if (users.length === 0) return { notified: [] };
  const now = clock();
  const context = { taskId: event.taskId, instanceId: event.instanceId };
  const section = eventSection({ text: event.text, facts: await factsFor(db, context, now), link: linkFor(config.publicUrl, context) });
  const immediate: string[] = [];
  for (const user of users) {
    const id = `${event.eventId}:${user.username}`;
    await createOnce(() =>
      db.notification.upsert({
        where: { id },
        create: {
          id,
          userId: user.id,
          kind: event.kind,
          eventId: event.eventId,
          subject: event.subject,
          body: event.text,
          taskId: event.taskId ?? null,
          instanceId: event.instanceId ?? null,
          createdAt: now,
        },
        update: {},
      }),
    );
    if (!user.email.includes('@')) continue;
    const digest = user.notifyBy === 'digest';
    const state = digest ? 'digest' : config.smtp ? 'queued' : 'outbox';
    await createOnce(() =>
      db.mailMessage.upsert({
        where: { id },
        create: {
          id,
          eventId: event.eventId,
          username: user.username,
          to: user.email,
          subject: event.subject,
          text: digest ? section : section + mailFooter(config.publicUrl),
          state,
          messageId: messageIdFor(id, config),
          createdAt: now,
        },
        update: {},
      }),
    );
    if (state === 'queued') immediate.push(id);
  }
  // Only a row this or an earlier attempt left queued/failed is claimed; a sent one is skipped.
  deliverInBackground(deps, immediate);
  return { notified: users.map((user) => user.username) };
}

/** Runs an idempotent create; a concurrent twin that inserted first (unique violation) is success. */
async function createOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
}

