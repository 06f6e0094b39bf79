/**
 * Calls of the notifications page: my in-app notifications, my mail preference and, for
 * admins, the mail outbox.
 */
import { apiRequest } from '../api/client';

export interface AppNotification {
  id: string;
  kind: string;
  subject: string;
  body: string;
  eventId: string | null;
  taskId: string | null;
  instanceId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: AppNotification[];
  total: number;
  unread: number;
}

export type NotifyBy = 'immediate' | 'digest';

export type MailState = 'outbox' | 'queued' | 'sending' | 'sent' | 'failed' | 'digest' | 'digested';

export interface MailMessage {
  id: string;
  eventId: string;
  username: string | null;
  to: string;
  subject: string;
  text: string;
  state: MailState;
  messageId: string;
  digestId: string | null;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const PAGE_SIZE = 25;

export const listNotifications = (query: { unread: boolean; page: number }) =>
  apiRequest<NotificationPage>('/api/notifications', { query: { unread: query.unread || undefined, page: query.page, pageSize: PAGE_SIZE } });

export const markRead = (id: string) => apiRequest<AppNotification>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });

export const markAllRead = () => apiRequest<{ marked: number }>('/api/notifications/read-all', { method: 'POST' });

export const fetchPreferences = () => apiRequest<{ notifyBy: NotifyBy }>('/api/users/me/preferences');

export const savePreferences = (notifyBy: NotifyBy) =>
  apiRequest<{ notifyBy: NotifyBy }>('/api/users/me/preferences', { method: 'PUT', body: { notifyBy } });

export const listOutbox = (query: { state: MailState | ''; page: number }) =>
  apiRequest<{ items: MailMessage[]; total: number }>('/api/outbox', { query: { state: query.state, page: query.page, pageSize: PAGE_SIZE } });
