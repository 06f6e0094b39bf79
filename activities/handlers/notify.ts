/**
 * `qualflow:notify`: writes one in-app notification per recipient. Headers: `to`
 * (usernames, comma-separated), `toGroups` (group names: every member), `subject`, `body`.
 * Idempotent: the notification id is `${elementInstanceId}:${username}`.
 */
import { ApplicationFailure } from '@temporalio/common';
import { headerList, type ServiceTaskHandler } from './types';

export const notifyHandler: ServiceTaskHandler = async ({ db, instanceId, elementInstanceId, headers, now }) => {
  const usernames = headerList(headers.to);
  const groups = headerList(headers.toGroups);
  if (usernames.length === 0 && groups.length === 0) {
    throw ApplicationFailure.nonRetryable('qualflow:notify needs a "to" (usernames) or "toGroups" (group names) header', 'InvalidHeaders');
  }
  const named = await db.user.findMany({ where: { username: { in: usernames } }, select: { id: true, username: true } });
  const unknown = usernames.filter((username) => !named.some((user) => user.username === username));
  if (unknown.length > 0) {
    throw ApplicationFailure.nonRetryable(`qualflow:notify: no user named ${unknown.map((name) => `"${name}"`).join(', ')}`, 'UnknownRecipient');
  }
  const members = groups.length === 0 ? [] : await db.user.findMany({
    where: { active: true, memberships: { some: { group: { name: { in: groups } } } } },
    select: { id: true, username: true },
  });
  const recipients = new Map([...named, ...members].map((user) => [user.username, user.id]));
  const subject = headers.subject ?? '';
  const body = headers.body ?? '';
  const createdAt = now();
  await db.$transaction(
    [...recipients].map(([username, userId]) =>
      db.notification.upsert({
        where: { id: `${elementInstanceId}:${username}` },
        create: { id: `${elementInstanceId}:${username}`, userId, subject, body, instanceId, createdAt },
        update: {},
      }),
    ),
  );
};
