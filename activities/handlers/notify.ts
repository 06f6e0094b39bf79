/**
 * `qualflow:notify`: notifies people from a diagram, in the app and by mail (each by
 * their preference: now or in the daily digest). Headers: `to` (usernames,
 * comma-separated), `toGroups` (group names: every active member), `subject`, `body`.
 * Idempotent: the event id is the element instance, so a retried job notifies nobody twice.
 */
import { ApplicationFailure } from '@temporalio/common';
import { notifyUsers } from '../notifications';
import { headerList, type ServiceTaskHandler } from './types';

export const notifyHandler: ServiceTaskHandler = async ({ db, instanceId, processKey, elementId, elementInstanceId, headers, now }) => {
  const usernames = headerList(headers.to);
  const groups = headerList(headers.toGroups);
  if (usernames.length === 0 && groups.length === 0) {
    throw ApplicationFailure.nonRetryable(`qualflow:notify needs a "to" (usernames) or "toGroups" (group names) header (service task "${elementId}")`, 'InvalidHeaders');
  }
  const named = await db.user.findMany({ where: { username: { in: usernames } }, select: { username: true } });
  const unknown = usernames.filter((username) => !named.some((user) => user.username === username));
  if (unknown.length > 0) {
    throw ApplicationFailure.nonRetryable(`qualflow:notify: no user named ${unknown.map((name) => `"${name}"`).join(', ')} (service task "${elementId}")`, 'UnknownRecipient');
  }
  const members = groups.length === 0 ? [] : await db.user.findMany({
    where: { active: true, memberships: { some: { group: { name: { in: groups } } } } },
    select: { username: true },
  });
  await notifyUsers(
    { db, clock: now },
    {
      eventId: elementInstanceId,
      kind: 'info',
      usernames: [...named, ...members].map((user) => user.username),
      subject: headers.subject || `Message from process ${processKey}`,
      text: headers.body ?? '',
      instanceId,
    },
  );
};
