import { route, type AnyRoute } from './route';
import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { NotificationPage, NotificationQuery, NotificationSchema, OutboxPage, OutboxQuery, PreferencesSchema, ReadAllResult } from './schemas/notification.schemas';
import { listNotifications, listOutbox, markAllRead, markRead, readPreferences, writePreferences } from './notification.service';

/** In-app notifications, the mail outbox and notification preferences. */
export function notificationRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/notifications',
      summary: 'My notifications, newest first (optionally only unread)',
      tag: 'notifications',
      access: 'user',
      query: NotificationQuery,
      responses: { 200: { description: 'A page of notifications and the unread count', schema: NotificationPage } },
      async handle({ deps, user, query }) {
        return { body: await listNotifications(deps.db, user.id, query) };
      },
    }),
    route({
      method: 'post',
      path: '/notifications/read-all',
      summary: 'Mark all my notifications read',
      tag: 'notifications',
      access: 'user',
      responses: { 200: { description: 'How many were unread', schema: ReadAllResult } },
      async handle({ deps, user }) {
        return { body: await markAllRead(deps.db, user.id) };
      },
    }),
    route({
      method: 'post',
      path: '/notifications/:id/read',
      summary: 'Mark one of my notifications read',
      tag: 'notifications',
      access: 'user',
      params: IdParams,
      responses: {
        200: { description: 'The notification', schema: NotificationSchema },
        404: { description: 'You have no notification with this id', schema: ErrorSchema },
      },
      async handle({ deps, user, params }) {
        return { body: await markRead(deps.db, user.id, params.id) };
      },
    }),
    route({
      method: 'get',
      path: '/outbox',
      summary: 'Stored mail: the outbox when no SMTP server is configured, else the delivery log',
      tag: 'notifications',
      access: ['admin'],
      query: OutboxQuery,
      responses: { 200: { description: 'A page of mail, newest first', schema: OutboxPage } },
      async handle({ deps, query }) {
        return { body: await listOutbox(deps.db, query) };
      },
    }),
    route({
      method: 'get',
      path: '/users/me/preferences',
      summary: 'How I get mail: immediately or as a daily digest',
      tag: 'notifications',
      access: 'user',
      responses: { 200: { description: 'My preferences', schema: PreferencesSchema } },
      async handle({ deps, user }) {
        return { body: await readPreferences(deps.db, user.id) };
      },
    }),
    route({
      method: 'put',
      path: '/users/me/preferences',
      summary: 'Choose immediate mail or a daily digest',
      tag: 'notifications',
      access: 'user',
      body: PreferencesSchema,
      responses: {
        200: { description: 'The stored preferences', schema: PreferencesSchema },
        400: { description: 'notifyBy is not immediate or digest', schema: ErrorSchema },
      },
      async handle({ deps, user, body }) {
        return { body: await writePreferences(deps.db, user.id, body) };
      },
    }),
  ];
}
