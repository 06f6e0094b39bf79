/**
 * The mail activities the mail workflow (workflows/mail-digest.ts) runs: regular
 * activities, since they talk to SMTP. Registered by the worker beside the interpreter's.
 */
import type { MailActivities } from '../../workflows/mail-digest';
import { sendDailyDigests } from './digest';
import { retryPendingMail } from './mail-delivery';
import type { MailDependencies } from './mail-transport';

export type { MailActivities } from '../../workflows/mail-digest';

/** Creates the mail activities over the database (and, in tests, explicit mail settings). */
export function createMailActivities(deps: MailDependencies): MailActivities {
  return {
    retryPendingMail: () => retryPendingMail(deps),
    sendDailyDigests: () => sendDailyDigests(deps),
  };
}
