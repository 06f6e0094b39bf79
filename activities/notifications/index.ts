/**
 * Notifications: in-app rows and mail, one per event and recipient. Placeholder with the
 * agreed interface (in-app only); the notifications work replaces the body.
 */
import type { ActivityDependencies } from '../dependencies';

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

/** Notifies each recipient in the app and, by their preference, by mail now or in the daily digest. */
export async function notifyUsers({ db, clock = () => new Date() }: ActivityDependencies, event: NotificationEvent): Promise<{ notified: string[] }> {
  const users = await db.user.findMany({ where: { username: { in: event.usernames }, active: true }, select: { id: true, username: true } });
  await db.$transaction(
    users.map((user) =>
      db.notification.upsert({
        where: { id: `${event.eventId}:${user.username}` },
        create: {
          id: `${event.eventId}:${user.username}`,
          userId: user.id,
          kind: event.kind,
          eventId: event.eventId,
          subject: event.subject,
          body: event.text,
          taskId: event.taskId ?? null,
          instanceId: event.instanceId ?? null,
          createdAt: clock(),
        },
        update: {},
      }),
    ),
  );
  return { notified: users.map((user) => user.username) };
}
