/**
 * Delivering stored mail exactly once per row. A row is claimed (queued/failed → sending,
 * one `updateMany` winner) before SMTP is talked to, so a retried or concurrent activity
 * never sends it twice; a failure puts it back to `failed` for the next retry run.
 *
 *   queued ──claim──▶ sending ──SMTP ok──▶ sent
 *   failed ──claim──▶ sending ──SMTP error─▶ failed (error, attempts) ──▶ retried later
 *   sending for longer than the lease (a worker died mid-send) ──▶ failed
 */
import { mailConfigOf, sendOverSmtp, type MailDependencies } from './mail-transport';

/** How long a claim holds before the retry run assumes its worker died. */
export const SENDING_LEASE_MS = 10 * 60_000;
/** Queued rows younger than this belong to the activity that wrote them. */
const QUEUED_GRACE_MS = 60_000;
const RETRY_BATCH = 200;

export type DeliveryOutcome = 'sent' | 'failed' | 'skipped';

/**
 * Claims and sends one mail row. Returns `skipped` when another attempt owns or finished
 * it (or SMTP is not configured), `failed` when SMTP refused (the row stays for a retry).
 */
export async function deliverMail(deps: MailDependencies, id: string): Promise<DeliveryOutcome> {
  const { db, clock = () => new Date() } = deps;
  const config = mailConfigOf(deps);
  if (!config.smtp) return 'skipped';
  // While a row is `sending`, sentAt is when the attempt started (the lease); once `sent`, when it went out.
  const claimed = await db.mailMessage.updateMany({
    where: { id, state: { in: ['queued', 'failed'] } },
    data: { state: 'sending', attempts: { increment: 1 }, sentAt: clock() },
  });
  if (claimed.count === 0) return 'skipped';
  const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
  try {
    await sendOverSmtp(config.smtp, config.from, { to: row.to, subject: row.subject, text: row.text, messageId: row.messageId });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.mailMessage.update({ where: { id }, data: { state: 'failed', error: `SMTP ${config.smtp.host}:${config.smtp.port}: ${message}`.slice(0, 1000) } });
    return 'failed';
  }
  await db.mailMessage.update({ where: { id }, data: { state: 'sent', sentAt: clock(), error: null } });
  return 'sent';
}

const inFlight = new Set<Promise<void>>();

/**
 * Sends the given rows after the caller's transaction, without making the caller wait for
 * SMTP (callers include local activities and API requests). If the process dies first,
 * the rows stay queued/sending and the retry run sends them.
 */
export function deliverInBackground(deps: MailDependencies, ids: string[]): void {
  if (ids.length === 0 || !mailConfigOf(deps).smtp) return;
  const run = (async () => {
    for (const id of ids) await deliverMail(deps, id);
  })().catch((error: unknown) => {
    console.error(`Mail ${ids.join(', ')}: delivery stopped (${error instanceof Error ? error.message : String(error)}); the mail retry run sends it later`);
  });
  inFlight.add(run);
  void run.finally(() => inFlight.delete(run));
}

/** Resolves once every background delivery started so far has finished (tests, shutdown). */
export async function mailDeliveriesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export interface RetryResult {
  sent: number;
  failed: number;
}

/**
 * Sends what is still owed: failed rows, queued rows their activity left behind, and rows
 * whose sender died mid-attempt (the stable Message-ID lets a receiver drop a duplicate).
 * Without SMTP configured it does nothing: such mail is in the outbox already.
 */
export async function retryPendingMail(deps: MailDependencies): Promise<RetryResult> {
  const { db, clock = () => new Date() } = deps;
  if (!mailConfigOf(deps).smtp) return { sent: 0, failed: 0 };
  const now = clock().getTime();
  await db.mailMessage.updateMany({
    where: { state: 'sending', sentAt: { lt: new Date(now - SENDING_LEASE_MS) } },
    data: { state: 'failed', error: 'The sending attempt did not finish (worker stopped?); retrying' },
  });
  const due = await db.mailMessage.findMany({
    where: { OR: [{ state: 'failed' }, { state: 'queued', createdAt: { lt: new Date(now - QUEUED_GRACE_MS) } }] },
    orderBy: { createdAt: 'asc' },
    take: RETRY_BATCH,
    select: { id: true },
  });
  const result: RetryResult = { sent: 0, failed: 0 };
  for (const { id } of due) {
    const outcome = await deliverMail(deps, id);
    if (outcome === 'sent') result.sent++;
    if (outcome === 'failed') result.failed++;
  }
  return result;
}
