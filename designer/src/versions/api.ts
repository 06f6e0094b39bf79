/**
 * Calls of the version history and diff pages (who deployed which version of a process
 * when; each version's XML comes from `fetchDefinitionXml`), and of the list of QMS
 * templates and drafts a new design starts from.
 */
import { apiRequest } from '../api/client';

export { fetchDefinitionXml } from '../api/endpoints';

export interface DefinitionVersion {
  id: string;
  version: number;
  name: string;
  deployedBy: string | null;
  createdAt: string;
  /** SHA-256 of the deployed XML. */
  hash: string;
  versionTag: string | null;
}

export const fetchVersions = (key: string) =>
  apiRequest<{ key: string; items: DefinitionVersion[]; total: number }>(`/api/definitions/${encodeURIComponent(key)}/versions`);

export interface TemplateSummary {
  key: string;
  name: string;
  description: string;
}

export interface DraftSummary {
  id: string;
  name: string;
  processKey: string | null;
  baseVersion: number | null;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
}

export const listTemplates = () => apiRequest<{ items: TemplateSummary[] }>('/api/templates');

export const listDrafts = () => apiRequest<{ items: DraftSummary[] }>('/api/drafts');

export const deleteDraft = (id: string) => apiRequest<void>(`/api/drafts/${encodeURIComponent(id)}`, { method: 'DELETE' });
