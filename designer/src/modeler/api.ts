/**
 * Calls of the designer: drafts (autosaved work in progress), QMS templates, deployed
 * versions' XML, and deploy.
 */
import { apiRequest } from '../api/client';

export { fetchDefinitionXml } from '../api/endpoints';

export interface Draft {
  id: string;
  name: string;
  xml: string;
  processKey?: string | null;
  baseVersion?: number | null;
  updatedAt?: string;
}

export interface NewDraft {
  name: string;
  xml: string;
  processKey?: string;
  baseVersion?: number;
}

export interface ProcessTemplate {
  key: string;
  name: string;
  description?: string;
  xml: string;
}

/** The deployed version (201: new; 200: the XML equals the latest version). */
export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
  name: string;
}

const draftPath = (id: string) => `/api/drafts/${encodeURIComponent(id)}`;

export const fetchDraft = (id: string) => apiRequest<Draft>(draftPath(id));

export const createDraft = (draft: NewDraft) => apiRequest<Draft>('/api/drafts', { body: draft });

export const saveDraft = (id: string, change: { xml: string; name?: string; processKey?: string }) => apiRequest<Draft>(draftPath(id), { method: 'PUT', body: change });

export async function fetchTemplate(key: string): Promise<ProcessTemplate | undefined> {
  const { items } = await apiRequest<{ items: ProcessTemplate[] }>('/api/templates');
  return items.find((template) => template.key === key);
}

/**
 * Deploys the diagram as a new version.
 * @throws ApiError; a 422's body is `{ error, errors, warnings? }` (compiler diagnostics).
 */
export const deployDiagram = (xml: string) =>
  apiRequest<DeployedDefinition>('/api/definitions', { body: xml, contentType: 'application/xml' });
