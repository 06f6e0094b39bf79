/** In-app notifications, the mail outbox and a user's notification preferences. */
import { z } from 'zod';
import { BooleanQuery, DateTime, PageQuery, pageOf } from './common.schemas';

export const NotificationKindSchema = z.enum(['task.assigned', 'task.reminder', 'task.overdue', 'task.escalated', 'task.reassigned', 'info']);

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    subject: z.string(),
    body: z.string(),
    eventId: z.string().nullable(),
    taskId: z.string().nullable(),
    instanceId: z.string().nullable(),
    createdAt: DateTime,
    readAt: DateTime.nullable(),
  })
  .meta({ id: 'Notification' });

export const NotificationQuery = PageQuery.extend({
  unread: BooleanQuery.optional().meta({ description: 'true: only unread notifications' }),
});

export const NotificationPage = pageOf(NotificationSchema).extend({ unread: z.number().int().meta({ description: 'all unread notifications of the caller' }) });

export const ReadAllResult = z.object({ marked: z.number().int() });

export const MailStateSchema = z.enum(['outbox', 'queued', 'sending', 'sent', 'failed', 'digest', 'digested']);

export const MailMessageSchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    username: z.string().nullable(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    state: z.string(),
    messageId: z.string(),
    digestId: z.string().nullable(),
    attempts: z.number().int(),
    error: z.string().nullable(),
    createdAt: DateTime,
    sentAt: DateTime.nullable(),
  })
  .meta({ id: 'MailMessage' });

export const OutboxQuery = PageQuery.extend({
  state: MailStateSchema.optional().meta({ description: 'only mail in this state' }),
  username: z.string().max(200).optional().meta({ description: 'only mail to this user' }),
});

export const OutboxPage = pageOf(MailMessageSchema);

export const PreferencesSchema = z.object({ notifyBy: z.enum(['immediate', 'digest']) }).meta({ id: 'NotificationPreferences' });
export type Preferences = z.output<typeof PreferencesSchema>;
