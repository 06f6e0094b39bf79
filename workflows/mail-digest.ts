/**
 * The mail workflow a Temporal Schedule starts: every few minutes it retries mail that
 * could not be sent; once a day (`digest: true`) it also sends the daily digests. The
 * work is in regular activities (they talk to SMTP); Temporal retries them until they
 * succeed, and the Schedule (overlap: skip) guarantees one run at a time.
 */
import { proxyActivities } from '@temporalio/workflow';

export interface MailRunInput {
  /** Also gather and send the daily digests. */
  digest: boolean;
}

export interface MailRunResult {
  sent: number;
  failed: number;
  digests: number;
}

/** The mail activities (activities/notifications/activities.ts implements them). */
export interface MailActivities {
  /** Sends failed and left-behind mail again. */
  retryPendingMail(): Promise<{ sent: number; failed: number }>;
  /** Gathers waiting digest mail into one mail per user and sends it; returns the digest ids. */
  sendDailyDigests(): Promise<{ digests: string[] }>;
}

const mail = proxyActivities<MailActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** One run of the mail schedule. */
export async function mailDelivery(input: MailRunInput): Promise<MailRunResult> {
  const digests = input.digest ? (await mail.sendDailyDigests()).digests.length : 0;
  const retried = await mail.retryPendingMail();
  return { ...retried, digests };
}
