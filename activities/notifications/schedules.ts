/**
 * The durable clock of mail: two Temporal Schedules start the mail workflow
 * (workflows/mail-digest.ts). Temporal keeps them across restarts of Qualflow and its
 * workers, runs at most one at a time (overlap: skip) and catches up after an outage.
 *
 *   qualflow-mail-retry   every 5 minutes   retry failed / left-behind mail
 *   qualflow-mail-digest  daily at HH:00    the daily digests (then the retry)
 */
import { type Client, ScheduleAlreadyRunning, type ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import type { MailConfig } from '../../engine/config';

export interface MailScheduleOptions {
  taskQueue: string;
  mail: MailConfig;
  /** How often failed mail is retried; default 5 minutes. */
  retryEvery?: string;
  /** Prefix of the schedule and workflow ids; default `qualflow` (tests use their own). */
  idPrefix?: string;
}

/** The ids of the retry and digest schedules. */
export function mailScheduleIds(idPrefix = 'qualflow'): { retry: string; digest: string } {
  return { retry: `${idPrefix}-mail-retry`, digest: `${idPrefix}-mail-digest` };
}

/** Creates the mail schedules, or brings existing ones to the current settings (digest hour, queue). Idempotent. */
export async function ensureMailSchedules(client: Client, options: MailScheduleOptions): Promise<void> {
  for (const schedule of mailSchedules(options)) {
    try {
      await client.schedule.create(schedule);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      const { scheduleId: _id, ...update } = schedule;
      await client.schedule.getHandle(schedule.scheduleId).update((previous) => ({ ...update, state: previous.state }));
    }
  }
}

function mailSchedules({ taskQueue, mail, retryEvery = '5 minutes', idPrefix }: MailScheduleOptions) {
  const ids = mailScheduleIds(idPrefix);
  const action = (digest: boolean, workflowId: string) => ({
    type: 'startWorkflow' as const,
    workflowType: 'mailDelivery',
    args: [{ digest }],
    taskQueue,
    workflowId,
  });
  // After an outage: one missed retry is enough; a missed digest still goes out within the day.
  const policies = (catchupWindow: string) => ({ overlap: ScheduleOverlapPolicy.SKIP, catchupWindow });
  const retry = {
    scheduleId: ids.retry,
    spec: { intervals: [{ every: retryEvery }] },
    action: action(false, `${ids.retry}-run`),
    policies: policies('10 minutes'),
    state: { note: 'Retries mail that could not be sent' },
  } satisfies ScheduleOptions;
  const digest = {
    scheduleId: ids.digest,
    spec: { calendars: [{ hour: mail.digestHour, minute: 0 }], timezone: mail.digestTimeZone },
    action: action(true, `${ids.digest}-run`),
    policies: policies('1 day'),
    state: { note: 'Sends the daily mail digests' },
  } satisfies ScheduleOptions;
  return [retry, digest];
}
