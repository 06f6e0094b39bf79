/**
 * Calls of process grants: who, besides its owner, is given a process to watch (they see
 * all its instances and tasks). Only admins and the process owner may call them.
 */
import { apiRequest } from '../api/client';
import type { DefinitionSummary, Page } from '../api/types';

/** One person a process is given to. */
export interface ProcessGrant {
  username: string;
  grantedBy: string;
  createdAt: string;
}

const grantsPath = (processKey: string) => `/api/definitions/${encodeURIComponent(processKey)}/grants`;
const grantPath = (processKey: string, username: string) => `${grantsPath(processKey)}/${encodeURIComponent(username)}`;

/** The people `processKey` is given to, by username. @throws ApiError 403 unless admin or owner. */
export const listGrants = async (processKey: string): Promise<ProcessGrant[]> =>
  (await apiRequest<{ items: ProcessGrant[] }>(grantsPath(processKey))).items;

/** Gives the process to `username` (idempotent). @throws ApiError 400 for an unknown user, 403. */
export const grantProcess = (processKey: string, username: string) =>
  apiRequest<void>(grantPath(processKey, username), { method: 'PUT' });

/** Takes the process back from `username` (no error when it was not given). @throws ApiError 403. */
export const revokeGrant = (processKey: string, username: string) =>
  apiRequest<void>(grantPath(processKey, username), { method: 'DELETE' });

/** The process's owner (`qualflow:owner` of its latest version, else its deployer; the server says which). */
export async function fetchProcessFacts(processKey: string): Promise<{ owner: string | null }> {
  const versions = await apiRequest<Page<DefinitionSummary>>(`/api/definitions/${encodeURIComponent(processKey)}`);
  return { owner: versions.items[0]?.owner ?? null };
}
