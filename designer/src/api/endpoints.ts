/**
 * Typed calls to the Qualflow API, one function per route the web app uses.
 */
import { apiRequest } from './client';
import type {
  DefinitionSummary,
  InstanceDetail,
  LoginResponse,
  Page,
  Role,
  StartInstanceRequest,
  TaskDetail,
  TaskQuery,
  TaskSummary,
  User,
  Variables,
} from './types';

/** Accepts either a bare array or a `{ items }` page and returns the items. */
export function itemsOf<T>(body: T[] | Page<T> | { items?: T[] } | undefined): T[] {
  if (Array.isArray(body)) return body;
  return body?.items ?? [];
}

/** Reads a user as the API sends it; roles and groups may come as lists or comma-separated text. */
export function toUser(raw: unknown): User {
  const record = (raw ?? {}) as Record<string, unknown>;
  const user = (record.user && typeof record.user === 'object' ? record.user : record) as Record<string, unknown>;
  return {
    ...(user as unknown as User),
    roles: listOf(user.roles) as Role[],
    groups: listOf(user.groups),
  };
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((part) => part.trim()).filter(Boolean);
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => (typeof entry === 'string' ? entry : (entry as { name?: string })?.name ?? ''))
    .filter(Boolean);
}

export const login = async (username: string, password: string): Promise<LoginResponse> => {
  const body = await apiRequest<LoginResponse>('/api/auth/login', { body: { username, password } });
  return { token: body.token, user: toUser(body.user) };
};

/** Ends the session on the server. The route may not exist yet: callers ignore a 404. */
export const logout = () => apiRequest<void>('/api/auth/logout', { method: 'POST' });

export const fetchMe = async (): Promise<User> => toUser(await apiRequest<unknown>('/api/me'));

/** Every user (admins and managers only: others get ApiError 403). */
export const listUsers = async (): Promise<User[]> => itemsOf(await apiRequest<Page<unknown>>('/api/users')).map(toUser);

export const listDefinitions = async (): Promise<DefinitionSummary[]> =>
  itemsOf(await apiRequest<DefinitionSummary[] | Page<DefinitionSummary>>('/api/definitions'));

export const fetchDefinitionXml = (key: string, version?: number) =>
  apiRequest<string>(`/api/definitions/${encodeURIComponent(key)}/xml`, {
    query: { version },
    text: true,
  });

export const startInstance = (request: StartInstanceRequest) =>
  apiRequest<{ id: string }>('/api/instances', { body: request });

export const fetchInstance = (id: string) =>
  apiRequest<InstanceDetail>(`/api/instances/${encodeURIComponent(id)}`);

export const cancelInstance = (id: string, reason: string) =>
  apiRequest<unknown>(`/api/instances/${encodeURIComponent(id)}/cancel`, { body: { reason } });

/** Assumed route (not fixed by issue 2): runs the incident's element again. */
export const retryIncident = (instanceId: string, incidentId: string) =>
  apiRequest<unknown>(
    `/api/instances/${encodeURIComponent(instanceId)}/incidents/${encodeURIComponent(incidentId)}/retry`,
    { body: {} },
  );

export const listTasks = (query: TaskQuery) =>
  apiRequest<Page<TaskSummary>>('/api/tasks', { query: { ...query } });

export const fetchTask = (id: string) => apiRequest<TaskDetail>(`/api/tasks/${encodeURIComponent(id)}`);

export const claimTask = (id: string) =>
  apiRequest<unknown>(`/api/tasks/${encodeURIComponent(id)}/claim`, { method: 'POST' });

export const unclaimTask = (id: string) =>
  apiRequest<unknown>(`/api/tasks/${encodeURIComponent(id)}/unclaim`, { method: 'POST' });

export const completeTask = (id: string, variables: Variables) =>
  apiRequest<unknown>(`/api/tasks/${encodeURIComponent(id)}/complete`, { body: { variables } });
