import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installWorkerRuntime } from '../../../engine/temporal/connection';
import { createTestDb, type TestDb } from '../../../test/support/db';
import { testTemporalAddress, uniqueTaskQueue } from '../../../test/support/temporal';
import { createMailActivities } from '../activities';
import { sendDailyDigests } from '../digest';
import { mailDeliveriesSettled, notifyUsers } from '../index';
import { ensureMailSchedules, mailScheduleIds } from '../schedules';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

const MAIL_WORKFLOW = fileURLToPath(new URL('../../../workflows/mail-digest.ts', import.meta.url));

describe('the daily digest', () => {
  let testDb: TestDb;
  let smtp: SmtpSink;
  let time = new Date('2026-11-25T08:00:00Z');
  const clock = () => time;

  beforeAll(async () => {
    testDb = await createTestDb();
    smtp = await startSmtpSink();
    for (const [username, notifyBy] of [['dora', 'digest'], ['erik', 'digest'], ['alice', 'immediate']]) {
      await testDb.db.user.create({ data: { username, name: username, email: `${username}@qms.example`, passwordHash: 'x', roles: 'staff', notifyBy } });
    }
  });
  afterAll(async () => {
    await smtp?.close();
    await testDb?.cleanup();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });
  afterEach(async () => {
    await testDb.db.mailMessage.deleteMany();
    await testDb.db.notification.deleteMany();
  });

  async function notify(eventId: string, subject: string, usernames = ['dora', 'erik', 'alice']) {
    await notifyUsers({ db: testDb.db, clock, mail: smtp.mailConfig() }, { eventId, kind: 'task.reminder', usernames, subject, text: `${subject}.` });
    await mailDeliveriesSettled();
  }

  it('gathers the waiting mail of each digest user into one mail, once', async () => {
    // given
    await notify('r1', 'Reminder: review SOP-12');
    await notify('r2', 'Overdue: CAPA-7 root cause', ['dora']);
    smtp.received.length = 0;

    // when
    const first = await sendDailyDigests({ db: testDb.db, clock, mail: smtp.mailConfig() });
    const again = await sendDailyDigests({ db: testDb.db, clock, mail: smtp.mailConfig() });

    // then
    expect(first.digests.sort()).toEqual(['digest:2026-11-25:dora', 'digest:2026-11-25:erik']);
    expect(again.digests).toEqual([]);
    const byRecipient = Object.fromEntries(smtp.received.map((m) => [m.to.join(), m]));
    expect(Object.keys(byRecipient).sort()).toEqual(['dora@qms.example', 'erik@qms.example']);
    expect(byRecipient['dora@qms.example'].subject).toBe('Qualflow digest for 2026-11-25: 2 notifications');
    expect(byRecipient['dora@qms.example'].raw).toContain('Reminder: review SOP-12');
    expect(byRecipient['dora@qms.example'].raw).toContain('Overdue: CAPA-7 root cause');
    expect(byRecipient['erik@qms.example'].subject).toBe('Qualflow digest for 2026-11-25: 1 notification');
    const carried = await testDb.db.mailMessage.findMany({ where: { username: 'dora', eventId: { in: ['r1', 'r2'] } } });
    expect(carried.map((r) => [r.state, r.digestId])).toEqual([
      ['digested', 'digest:2026-11-25:dora'],
      ['digested', 'digest:2026-11-25:dora'],
    ]);
  });

  it('starts a second digest of the day for mail that arrived after the first', async () => {
    // given
    await notify('r3', 'First', ['dora']);
    await sendDailyDigests({ db: testDb.db, clock, mail: smtp.mailConfig() });
    await notify('r4', 'Second', ['dora']);

    // when
    const later = await sendDailyDigests({ db: testDb.db, clock, mail: smtp.mailConfig() });

    // then
    expect(later.digests).toEqual(['digest:2026-11-25:dora:2']);
    expect(smtp.received.map((m) => m.raw.includes('Second'))).toEqual([false, true]);
  });

  it('keeps the digest in the outbox when no SMTP server is configured', async () => {
    // given
    const unconfigured = { ...smtp.mailConfig(), smtp: undefined };
    await notifyUsers({ db: testDb.db, clock, mail: unconfigured }, { eventId: 'r5', kind: 'info', usernames: ['erik'], subject: 'Heads-up', text: 'Heads-up.' });

    // when
    const { digests } = await sendDailyDigests({ db: testDb.db, clock, mail: unconfigured });

    // then
    expect(smtp.received).toHaveLength(0);
    const digest = await testDb.db.mailMessage.findUniqueOrThrow({ where: { id: digests[0] } });
    expect([digest.state, digest.to]).toEqual(['outbox', 'erik@qms.example']);
    expect(digest.text).toContain('Heads-up.');
  });

  describe('on its Temporal Schedule', () => {
    let worker: Worker;
    let running: Promise<void>;
    let connection: Connection;
    let client: Client;
    const taskQueue = uniqueTaskQueue('mail');
    const idPrefix = taskQueue;

    beforeAll(async () => {
      installWorkerRuntime();
      const address = testTemporalAddress();
      worker = await Worker.create({
        connection: await NativeConnection.connect({ address }),
        taskQueue,
        workflowsPath: MAIL_WORKFLOW,
        activities: createMailActivities({ db: testDb.db, clock, mail: smtp.mailConfig() }),
      });
      running = worker.run();
      connection = await Connection.connect({ address });
      client = new Client({ connection });
    });
    afterAll(async () => {
      const ids = mailScheduleIds(idPrefix);
      for (const id of [ids.retry, ids.digest]) await client?.schedule.getHandle(id).delete().catch(() => undefined);
      worker?.shutdown();
      await running;
      await connection?.close();
    });

    it('creates the retry and digest schedules once, and a triggered digest run mails the digest', async () => {
      // given
      time = new Date('2026-11-26T08:00:00Z');
      await notify('r6', 'Reminder: sign the deviation report', ['dora']);
      const options = { taskQueue, mail: smtp.mailConfig({ digestHour: 6 }), idPrefix };
      await ensureMailSchedules(client, options);
      await ensureMailSchedules(client, options);
      const ids = mailScheduleIds(idPrefix);

      // when
      await client.schedule.getHandle(ids.digest).trigger();

      // then
      await eventually(async () => expect(smtp.received.map((m) => m.subject)).toEqual(['Qualflow digest for 2026-11-26: 1 notification']));
      const digest = await client.schedule.getHandle(ids.digest).describe();
      expect(digest.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 6, end: 6, step: 1 }] });
      expect((await client.schedule.getHandle(ids.retry).describe()).spec.intervals?.[0].every).toBe(300_000);
    });
  });
});

async function eventually(check: () => Promise<void>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
