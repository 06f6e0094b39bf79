/**
 * Writing to the append-only audit trail from the API: one helper for every service, so
 * each entry has the same shape (details as JSON) and an id, the writer's own when a
 * repeated write must not add a second entry. Activities write their entries themselves.
 */
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../db/generated/client';

export interface AuditFacts {
  actor: string;
  action: string;
  instanceId?: string | null;
  taskId?: string | null;
  details?: Record<string, unknown>;
  /** An idempotency key; a new one when absent. */
  id?: string;
  /** When it happened; the database's now when absent. */
  at?: Date;
}

/** Appends one entry. Returns the Prisma write unawaited, so it also fits a `$transaction([...])`. */
export function recordAudit(db: Pick<Prisma.TransactionClient, 'auditEntry'>, { details = {}, id = randomUUID(), ...facts }: AuditFacts) {
  return db.auditEntry.create({ data: { id, ...facts, details: JSON.stringify(details) } });
}
