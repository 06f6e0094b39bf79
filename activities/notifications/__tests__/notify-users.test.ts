import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/db';
import type { MailConfig } from '../../../engine/config';
import { mailDeliveriesSettled, notifyUsers, type NotificationEvent } from '../index';
import { SENDING_LEASE_MS, retryPendingMail } from '../mail-delivery';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

const now = new Date('2026-11-25T09:00:00Z');
const clock = () => now;

describe('notifyUsers', () => {
  let testDb: TestDb;
  let smtp: SmtpSink;
  let mail: MailConfig;
  let taskId: string;

  beforeAll(async () => {
    testDb = await createTestDb();
    smtp = await startSmtpSink();
    mail = smtp.mailConfig();
    const { db } = testDb;
    for (const [username, notifyBy] of [['alice', 'immediate'], ['bob', 'immediate'], ['dora', 'digest']]) {
      await db.user.create({ data: { username, name: username, email: `${username}@qms.example`, passwordHash: 'x', roles: 'staff', notifyBy } });
    }
    await db.user.create({ data: { username: 'gone', name: 'gone', email: 'gone@qms.example', passwordHash: 'x', roles: 'staff', active: false } });
    await db.definition.create({ data: { id: 'def-capa', key: 'capa', version: 1, name: 'Corrective and preventive action', xml: '', model: '{}', hash: 'h' } });
    await db.instance.create({ data: { id: 'inst-1', definitionId: 'def-capa', processKey: 'capa', version: 1, businessKey: 'CAPA-2026-017', status: 'active' } });
    taskId = 'task-root-cause';
    await db.task.create({
      data: {
        id: taskId, instanceId: 'inst-1', definitionId: 'def-capa', processKey: 'capa', elementId: 'rootCause', elementInstanceId: 'ei-1',
        name: 'Find the root cause', assignee: 'alice', dueAt: new Date('2026-11-24T17:00:00Z'),
      },
    });
  });
  afterAll(async () => {
    await smtp?.close();
    await testDb?.cleanup();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    smtp.refuseNext(0);
  });
  afterEach(async () => {
    await testDb.db.mailMessage.deleteMany();
    await testDb.db.notification.deleteMany();
  });

  function event(eventId: string, overrides: Partial<NotificationEvent> = {}): NotificationEvent {
    return { eventId, kind: 'task.overdue', usernames: ['alice', 'bob'], subject: 'Overdue: Find the root cause', text: 'The task is overdue.', taskId, ...overrides };
  }

  it('mails each immediate recipient once, with the subject, the task facts and a link', async () => {
    // given
    const overdue = event('e1');

    // when
    const { notified } = await notifyUsers({ db: testDb.db, clock, mail }, overdue);
    await mailDeliveriesSettled();

    // then
    expect(notified.sort()).toEqual(['alice', 'bob']);
    expect(smtp.received.map((m) => m.to).sort()).toEqual([['alice@qms.example'], ['bob@qms.example']]);
    expect(smtp.received.every((m) => m.subject === 'Overdue: Find the root cause')).toBe(true);
    const text = smtp.received[0].raw;
    expect(text).toContain('The task is overdue.');
    expect(text).toContain('Find the root cause (assigned to alice)');
    expect(text).toContain('Corrective and preventive action (capa)');
    expect(text).toContain('CAPA-2026-017');
    expect(text).toContain('2026-11-24 17:00 UTC (overdue)');
    expect(text).toContain(`https://qms.example/#/task/${taskId}`);
    const rows = await testDb.db.mailMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.state, r.attempts])).toEqual([['e1:alice', 'sent', 1], ['e1:bob', 'sent', 1]]);
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());
  });

  it('skips unknown and inactive users and writes one in-app notification per recipient', async () => {
    // given
    const overdue = event('e2', { usernames: ['alice', 'gone', 'nobody'] });

    // when
    const { notified } = await notifyUsers({ db: testDb.db, clock, mail }, overdue);
    await mailDeliveriesSettled();

    // then
    expect(notified).toEqual(['alice']);
    const inApp = await testDb.db.notification.findMany();
    expect(inApp.map((n) => [n.id, n.kind, n.eventId, n.taskId])).toEqual([['e2:alice', 'task.overdue', 'e2', taskId]]);
    expect(smtp.received.map((m) => m.to)).toEqual([['alice@qms.example']]);
  });

  it('does not send twice when the activity is retried or runs twice at the same time', async () => {
    // given
    const deps = { db: testDb.db, clock, mail };
    await notifyUsers(deps, event('e3'));
    await mailDeliveriesSettled();

    // when
    await notifyUsers(deps, event('e3'));
    await Promise.all([notifyUsers(deps, event('e4')), notifyUsers(deps, event('e4')), notifyUsers(deps, event('e4'))]);
    await mailDeliveriesSettled();

    // then
    expect(smtp.received.map((m) => `${m.subject}|${m.to}`).length).toBe(4);
    const ids = (await testDb.db.mailMessage.findMany({ where: { state: 'sent' } })).map((r) => r.id).sort();
    expect(ids).toEqual(['e3:alice', 'e3:bob', 'e4:alice', 'e4:bob']);
    expect(await testDb.db.notification.count()).toBe(4);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(4);
  });

  it('keeps mail the SMTP server refused and delivers it once on the retry run', async () => {
    // given
    smtp.refuseNext(1);
    const deps = { db: testDb.db, clock, mail };

    // when
    const { notified } = await notifyUsers(deps, event('e5', { usernames: ['alice'] }));
    await mailDeliveriesSettled();

    // then
    expect(notified).toEqual(['alice']);
    expect(smtp.received).toHaveLength(0);
    const failed = await testDb.db.mailMessage.findUniqueOrThrow({ where: { id: 'e5:alice' } });
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('Try again later');

    // when
    const first = await retryPendingMail(deps);
    const second = await retryPendingMail(deps);

    // then
    expect(first).toEqual({ sent: 1, failed: 0 });
    expect(second).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([['alice@qms.example']]);
    const sent = await testDb.db.mailMessage.findUniqueOrThrow({ where: { id: 'e5:alice' } });
    expect([sent.state, sent.attempts, sent.error]).toEqual(['sent', 2, null]);
    expect(smtp.received[0].messageId).toBe(failed.messageId);
  });

  it('sends again a mail whose sender stopped mid-attempt, once the lease ran out', async () => {
    // given: a row claimed long ago by a worker that never came back
    await testDb.db.mailMessage.create({
      data: { id: 'e6:bob', eventId: 'e6', username: 'bob', to: 'bob@qms.example', subject: 'Stuck', text: 'x', state: 'sending', messageId: '<stuck@qms.example>', attempts: 1, sentAt: new Date(now.getTime() - SENDING_LEASE_MS - 1000) },
    });
    await testDb.db.mailMessage.create({
      data: { id: 'e7:bob', eventId: 'e7', username: 'bob', to: 'bob@qms.example', subject: 'In flight', text: 'x', state: 'sending', messageId: '<busy@qms.example>', attempts: 1, sentAt: now },
    });

    // when
    const result = await retryPendingMail({ db: testDb.db, clock, mail });

    // then
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => [m.subject, m.messageId])).toEqual([['Stuck', '<stuck@qms.example>']]);
    expect((await testDb.db.mailMessage.findUniqueOrThrow({ where: { id: 'e7:bob' } })).state).toBe('sending');
  });

  it('puts the mail in the outbox when no SMTP server is configured', async () => {
    // given
    const unconfigured = { ...mail, smtp: undefined };

    // when
    await notifyUsers({ db: testDb.db, clock, mail: unconfigured }, event('e8'));
    await retryPendingMail({ db: testDb.db, clock, mail: unconfigured });

    // then
    expect(smtp.received).toHaveLength(0);
    const rows = await testDb.db.mailMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.to, r.state])).toEqual([['e8:alice', 'alice@qms.example', 'outbox'], ['e8:bob', 'bob@qms.example', 'outbox']]);
    expect(rows[0].text).toContain(`https://qms.example/#/task/${taskId}`);
  });

  it('keeps the mail of a digest user for the digest instead of sending it', async () => {
    // given
    const overdue = event('e9', { usernames: ['alice', 'dora'] });

    // when
    await notifyUsers({ db: testDb.db, clock, mail }, overdue);
    await mailDeliveriesSettled();

    // then
    expect(smtp.received.map((m) => m.to)).toEqual([['alice@qms.example']]);
    expect((await testDb.db.mailMessage.findUniqueOrThrow({ where: { id: 'e9:dora' } })).state).toBe('digest');
    expect(await testDb.db.notification.count({ where: { eventId: 'e9' } })).toBe(2);
  });
});
