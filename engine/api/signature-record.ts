/**
 * The link between a signature and the record it signs (21 CFR Part 11 §11.70): a
 * SHA-256 over the task, its instance, the submitted variables, the signer, the meaning
 * and the time, computed over canonical JSON so the same record always hashes the same.
 * Pure functions, no I/O.
 */
import { createHash } from 'node:crypto';

export const DEFAULT_MEANINGS = ['approved', 'reviewed', 'rejected'];

export interface SignedRecord {
  taskId: string;
  instanceId: string;
  /** The variables submitted with the signature. */
  variables: Record<string, unknown>;
  username: string;
  meaning: string;
  signedAt: Date;
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
}

/** The hex SHA-256 that binds a signature to its record. */
export function recordHash(record: SignedRecord): string {
  const { taskId, instanceId, variables, username, meaning, signedAt } = record;
  const text = canonicalJson({ taskId, instanceId, variables, username, meaning, signedAt: signedAt.toISOString() });
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The meanings a signer may choose: the element's `qualflow:signatureMeaning` (one, or
 * several comma-separated), else approved / reviewed / rejected.
 */
export function allowedMeanings(signatureMeaning: string | undefined): string[] {
  const listed = (signatureMeaning ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  return listed.length > 0 ? [...new Set(listed)] : DEFAULT_MEANINGS;
}
