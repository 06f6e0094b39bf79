/**
 * Electronic signatures on task completions (21 CFR Part 11 §11.200): a task whose step
 * requires one is completed only with the signer's password (and username at the first
 * signing of a session) and a meaning from the step's list. Failed attempts are audited
 * as `signature.failed` and rate-limited per user; the signature is stored with the hash
 * that links it to the signed record (see signature-record.ts).
 */
import type { z } from 'zod';
import type { ProcessModel } from '../../workflows/model';
import { hashToken } from './auth.service';
import type { AuthUser, Db } from './context';
import { badRequest, forbidden, HttpError } from './errors';
import { LOCKED_REASON, signingLockSeconds } from './signing-lock';
import { verifyPassword } from './password';
import { reportSigningLocked } from './signature-alarm';
import type { SignatureInput, SignatureRequirement } from './schemas/signature.schemas';
import { allowedMeanings, canonicalJson, recordHash } from './signature-record';
import { parseJson, type TaskRow } from './task-view';
import { recordAudit } from './audit-entry';

type Requirement = z.output<typeof SignatureRequirement>;
type Input = z.output<typeof SignatureInput>;

/** The meanings the task's step allows when it requires a signature; null when it does not. */
export async function signatureMeanings(db: Db, row: Pick<TaskRow, 'definitionId' | 'elementId'>): Promise<string[] | null> {
  const definition = await db.definition.findUnique({ where: { id: row.definitionId }, select: { model: true } });
  if (!definition) return null;
  const element = parseJson<Partial<ProcessModel>>(definition.model, {}).elements?.[row.elementId];
  if (element?.kind !== 'userTask' || !element.signature) return null;
  return allowedMeanings(element.signature.meaning);
}

/** The id of the session behind a bearer token or cookie; null when unknown. */
export async function sessionIdOf(db: Db, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true } });
  return session?.id ?? null;
}

/** Whether `username` has already signed in this session (then the password alone is asked). */
async function hasSignedInSession(db: Db, username: string, sessionId: string | null): Promise<boolean> {
  if (!sessionId) return false;
  return (await db.signature.count({ where: { username, sessionId } })) > 0;
}

/** What GET /tasks/:id tells the signer; null when the task needs no signature. */
export async function signatureRequirement(db: Db, user: AuthUser, row: TaskRow, sessionId: string | null): Promise<Requirement | null> {
  const meanings = await signatureMeanings(db, row);
  if (!meanings) return null;
  return { required: true, meanings, needsUsername: !(await hasSignedInSession(db, user.username, sessionId)) };
}

async function auditFailure(db: Db, user: AuthUser, row: TaskRow, reason: string): Promise<void> {
  await recordAudit(db, { actor: user.username, action: 'signature.failed', instanceId: row.instanceId, taskId: row.id, details: { reason, elementId: row.elementId } });
}

/**
 * Checks the signature given with a completion: present exactly when the step requires
 * one, a meaning the step allows, the caller's own username (required at the first
 * signing of a session) and password. Throws 400 for a missing or unexpected signature,
 * meaning or username, 429 while signing is locked after too many failures, 403 for wrong
 * credentials (audited, counted; the failure that locks signing is reported to the admins).
 */
export async function checkSignature(db: Db, user: AuthUser, row: TaskRow, input: Input | undefined, sessionId: string | null): Promise<void> {
  const meanings = await signatureMeanings(db, row);
  if (!meanings) {
    if (input) throw badRequest('This step does not take an electronic signature');
    return;
  }
  if (!input) throw badRequest('This step must be signed: give your password and the meaning of your signature');
  if (!meanings.includes(input.meaning)) throw badRequest(`The meaning must be one of: ${meanings.join(', ')}`);
  if (input.username === undefined && !(await hasSignedInSession(db, user.username, sessionId))) {
    throw badRequest('Give your username with your password at the first signing of this session');
  }
  const wait = await signingLockSeconds(db, user.username);
  if (wait > 0) {
    await auditFailure(db, user, row, LOCKED_REASON);
    throw new HttpError(429, 'Signing is locked after too many failed attempts; try again later', { retryAfterSeconds: wait }, { 'Retry-After': String(wait) });
  }
  const reason = await credentialProblem(db, user, input);
  if (reason) {
    await auditFailure(db, user, row, reason);
    const lockedFor = await signingLockSeconds(db, user.username);
    if (lockedFor > 0) await reportSigningLocked(db, user, row, Math.ceil(lockedFor / 60));
    throw forbidden('The signature was refused: wrong username or password');
  }
}

/** Why the credentials do not identify the caller (`other-user`, `wrong-password`), or null when they do. */
async function credentialProblem(db: Db, user: AuthUser, input: Input): Promise<string | null> {
  if (input.username !== undefined && input.username !== user.username) return 'other-user';
  const stored = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true, active: true } });
  if (!stored?.active || !(await verifyPassword(input.password, stored.passwordHash))) return 'wrong-password';
  return null;
}

/**
 * Stores the signature of the task's completion, hashed with what is submitted. Written
 * before the process is asked; an attempt the process refuses is replaced by the next
 * one (one signature per task), and only a completed task shows its signature.
 */
export async function recordSignature(
  db: Db,
  user: AuthUser,
  row: TaskRow,
  meaning: string,
  variables: Record<string, unknown>,
  sessionId: string | null,
): Promise<void> {
  const signedAt = new Date();
  const signed = { instanceId: row.instanceId, username: user.username, printedName: user.name, meaning, signedAt, sessionId };
  const hash = recordHash({ taskId: row.id, instanceId: row.instanceId, variables, username: user.username, meaning, signedAt });
  const data = { ...signed, recordHash: hash, content: canonicalJson(variables) };
  await db.signature.upsert({ where: { taskId: row.id }, create: { taskId: row.id, ...data }, update: data });
}

/** The audit entry of a signed completion, once per task. */
export async function auditSigned(db: Db, row: TaskRow): Promise<void> {
  const signature = await db.signature.findUnique({ where: { taskId: row.id } });
  if (!signature) return;
  const details = JSON.stringify({ meaning: signature.meaning, printedName: signature.printedName, recordHash: signature.recordHash });
  await db.auditEntry.upsert({
    where: { id: `${row.id}:signed` },
    update: {},
    create: { id: `${row.id}:signed`, at: signature.signedAt, actor: signature.username, action: 'task.signed', instanceId: row.instanceId, taskId: row.id, details },
  });
}
