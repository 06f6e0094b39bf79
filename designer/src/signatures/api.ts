/**
 * Calls and shapes of electronic signatures (21 CFR Part 11): what a task asks of its
 * signer, the signature sent with a completion, and the signatures shown on a record.
 */
import { apiRequest } from '../api/client';
import type { Variables } from '../api/types';

/** `task.signature` of GET /api/tasks/:id when completing the task needs a signature. */
export interface SignatureRequirement {
  required: true;
  /** The meanings the signer may choose from (e.g. approved, reviewed, rejected). */
  meanings: string[];
  /** True at the first signing of a session: the username must be given with the password. */
  needsUsername: boolean;
}

/** What the signer types: the password always, the username at the first signing of a session. */
export interface SignatureInput {
  username?: string;
  password: string;
  meaning: string;
}

/** A signature as shown with the record it signs. */
export interface SignatureView {
  id: string;
  taskId: string;
  instanceId: string;
  taskName: string;
  username: string;
  printedName: string;
  meaning: string;
  signedAt: string;
  /** False when the record no longer matches what was signed (tampered or copied). */
  intact: boolean;
}

/** Completes a task with its form's variables and the signer's signature. */
export const completeSignedTask = (taskId: string, variables: Variables, signature: SignatureInput) =>
  apiRequest<unknown>(`/api/tasks/${encodeURIComponent(taskId)}/complete`, { body: { variables, signature } });

/** The signatures given on the tasks of an instance, oldest first. */
export const fetchInstanceSignatures = (instanceId: string) =>
  apiRequest<SignatureView[]>(`/api/instances/${encodeURIComponent(instanceId)}/signatures`);
