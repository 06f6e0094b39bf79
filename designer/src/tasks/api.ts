/**
 * Calls of the tasklist beyond the shared endpoints: the search parameters of the task
 * list, saved filters, comments and attachments of a task.
 */
import { apiRequest } from '../api/client';
import type { TaskQuery } from '../api/types';

/** What a person narrows the task list by, as the API's query parameters (all optional). */
export interface TaskSearch {
  text?: string;
  processKey?: string;
  minPriority?: string;
  /** `name=value` on a process variable (one condition: the shared client sends no repeated parameters). */
  var?: string;
  overdue?: string;
  followUpDue?: string;
  sort?: string;
}

/** A task list query with the search parameters. */
export type SearchQuery = TaskQuery & Pick<TaskSearch, 'text' | 'minPriority' | 'var'> & { completedBy?: string };

/** The search without its empty fields (what goes into a query or a saved filter). */
export function definedSearch(search: TaskSearch): TaskSearch {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => typeof value === 'string' && value.trim() !== '')) as TaskSearch;
}

export interface SavedFilter {
  id: string;
  name: string;
  query: TaskSearch;
  createdAt: string;
}

export interface TaskComment {
  id: string;
  taskId: string;
  author: string;
  text: string;
  createdAt: string;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

/** The media types the server accepts, for the file picker. */
export const ATTACHMENT_TYPES = '.pdf,.png,.jpg,.jpeg,.gif,.txt,.csv,.docx,.xlsx,.pptx';
export const MAX_ATTACHMENT_MB = 10;

const task = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export const listFilters = () => apiRequest<{ items: SavedFilter[] }>('/api/filters').then((page) => page.items);

export const saveFilter = (name: string, query: TaskSearch) =>
  apiRequest<SavedFilter>('/api/filters', { body: { name, query: definedSearch(query) } });

export const deleteFilter = (id: string) => apiRequest<void>(`/api/filters/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const listComments = (taskId: string) => apiRequest<{ items: TaskComment[] }>(`${task(taskId)}/comments`).then((page) => page.items);

export const addComment = (taskId: string, text: string) => apiRequest<TaskComment>(`${task(taskId)}/comments`, { body: { text } });

export const listAttachments = (taskId: string) => apiRequest<{ items: Attachment[] }>(`${task(taskId)}/attachments`).then((page) => page.items);

export const attachmentHref = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;

/**
 * Uploads a file as the raw request body.
 * @throws ApiError with the server's message when it refuses the file.
 */
export const uploadAttachment = (taskId: string, file: File) =>
  apiRequest<Attachment>(`${task(taskId)}/attachments`, { body: file, contentType: file.type || 'application/octet-stream', query: { fileName: file.name } });
