/**
 * The one fetch wrapper of the web app. Sends the session cookie (same origin) and the
 * bearer token kept for this tab; turns every non-2xx answer into an {@link ApiError}.
 */

const TOKEN_KEY = 'qualflow.token';

/** An HTTP error answer from the API, with its status and parsed body. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, body: unknown, fallback?: string) {
    super(messageOf(body) ?? fallback ?? `Request failed (HTTP ${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON unless it is a string or a Blob (a File, say): then as-is with `contentType`. */
  body?: unknown;
  contentType?: string;
  query?: Record<string, QueryValue>;
  /** Return the body as text instead of parsing JSON. */
  text?: boolean;
}

let baseUrl = '';
let token: string | null = readStoredToken();
const unauthorizedListeners = new Set<() => void>();

/** Points the client at another origin (tests); the web app uses the page's origin. */
export function setApiBaseUrl(url: string): void {
  baseUrl = url.replace(/\/$/, '');
}

/** Keeps the bearer token for this tab (memory + sessionStorage); `null` forgets it. */
export function setToken(next: string | null): void {
  token = next;
  const storage = sessionStorageOrNull();
  if (!storage) return;
  if (next) storage.setItem(TOKEN_KEY, next);
  else storage.removeItem(TOKEN_KEY);
}

export function getToken(): string | null {
  return token;
}

/** Calls `listener` whenever the API answers 401 (the session ended). Returns an unsubscribe. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/**
 * Sends one request to the API and returns the parsed answer.
 * @throws ApiError when the API answers with a non-2xx status; a TypeError when the
 *   network fails.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: options.text ? '*/*' : 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | Blob | undefined;
  if (options.body !== undefined) {
    const blob = options.body instanceof Blob;
    const raw = blob || typeof options.body === 'string';
    body = raw ? (options.body as string | Blob) : JSON.stringify(options.body);
    headers['Content-Type'] = options.contentType ?? (blob ? 'application/octet-stream' : raw ? 'text/plain' : 'application/json');
  }
  const response = await fetch(baseUrl + path + queryString(options.query), {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    credentials: 'same-origin',
  });
  const payload = await readBody(response, options.text === true);
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/auth/')) {
      unauthorizedListeners.forEach((listener) => listener());
    }
    throw new ApiError(response.status, payload, response.statusText || undefined);
  }
  return payload as T;
}

/** Builds `?a=1&b=2` from the defined values, or an empty string. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readBody(response: Response, asText: boolean): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (asText && response.ok) return text;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string' && body.trim() && body.length < 300 && !body.trim().startsWith('<')) {
    return body.trim();
  }
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error']) {
      if (typeof record[key] === 'string' && record[key]) return record[key] as string;
    }
  }
  return undefined;
}

function readStoredToken(): string | null {
  return sessionStorageOrNull()?.getItem(TOKEN_KEY) ?? null;
}

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
