/**
 * The daily digest: every mail waiting in state `digest` becomes one mail per user,
 * `digest:<day>:<username>`, and the rows it carries become `digested` in the same
 * transaction, so a rerun finds nothing left to gather and never mails a row twice.
 */
import { deliverMail } from './mail-delivery';
import { formatInstant, mailFooter } from './mail-text';
import { mailConfigOf, messageIdFor, type MailDependencies } from './mail-transport';

export interface DigestResult {
  /** Ids of the digest mails made by this run. */
  digests: string[];
}

/** Gathers each user's waiting mail into one digest and sends it (or puts it in the outbox). */
export async function sendDailyDigests(deps: MailDependencies): Promise<DigestResult> {
  const { db, clock = () => new Date() } = deps;
  const config = mailConfigOf(deps);
  const waiting = await db.mailMessage.groupBy({ by: ['username'], where: { state: 'digest' } });
  const digests: string[] = [];
  for (const { username } of waiting) {
    if (username === null) continue;
    const id = await gather(deps, username, clock());
    if (id) digests.push(id);
  }
  // Digest rows of earlier runs that did not go out are the retry run's; this run's go now.
  if (config.smtp) for (const id of digests) await deliverMail(deps, id);
  return { digests };
}

async function gather(deps: MailDependencies, username: string, now: Date): Promise<string | undefined> {
  const { db } = deps;
  const config = mailConfigOf(deps);
  return db.$transaction(async (tx) => {
    const rows = await tx.mailMessage.findMany({ where: { username, state: 'digest' }, orderBy: { createdAt: 'asc' } });
    if (rows.length === 0) return undefined;
    const day = now.toISOString().slice(0, 10);
    const base = `digest:${day}:${username}`;
    const earlier = await tx.mailMessage.count({ where: { OR: [{ id: base }, { id: { startsWith: `${base}:` } }] } });
    const id = earlier === 0 ? base : `${base}:${earlier + 1}`;
    const items = rows.map((row) => [`== ${row.subject}`, `   (${formatInstant(row.createdAt)})`, '', row.text.trim()].join('\n'));
    const text = [
      `Your Qualflow digest: ${rows.length} ${rows.length === 1 ? 'notification' : 'notifications'} since the last one.`,
      '',
      items.join('\n\n'),
      mailFooter(config.publicUrl),
    ].join('\n');
    await tx.mailMessage.create({
      data: {
        id,
        eventId: `digest:${day}`,
        username,
        to: rows[rows.length - 1].to,
        subject: `Qualflow digest for ${day}: ${rows.length} ${rows.length === 1 ? 'notification' : 'notifications'}`,
        text,
        state: config.smtp ? 'queued' : 'outbox',
        messageId: messageIdFor(id, config),
        createdAt: now,
      },
    });
    const moved = await tx.mailMessage.updateMany({
      where: { id: { in: rows.map((row) => row.id) }, state: 'digest' },
      data: { state: 'digested', digestId: id },
    });
    if (moved.count !== rows.length) throw new Error(`Digest ${id}: another run gathered some of its mail; retrying`);
    return id;
  });
}
