/**
 * Turns a failed call into words a person can act on: a title plus, for rejected input
 * (422), one line per field.
 */
import { ApiError } from './client';

export interface ErrorText {
  title: string;
  details: string[];
}

/** Describes an error thrown by the API client (or anything else) for display. */
export function describeError(error: unknown, labels: Record<string, string> = {}): ErrorText {
  if (!(error instanceof ApiError)) {
    if (error instanceof TypeError) {
      return { title: 'Cannot reach the Qualflow server. Check your connection and try again.', details: [] };
    }
    return { title: error instanceof Error ? error.message : String(error), details: [] };
  }
  const details = fieldErrors(error.body).map(({ field, message }) =>
    field ? `${labels[field] ?? field}: ${message}` : message,
  );
  switch (error.status) {
    case 401:
      return { title: 'Your session has ended. Please sign in again.', details };
    case 403:
      return { title: `Not allowed: ${error.message}`, details };
    case 404:
      return { title: `Not found: ${error.message}`, details };
    case 409:
      return { title: `Conflict: ${error.message}`, details };
    case 422:
      return { title: details.length ? 'Some values were rejected:' : `Rejected: ${error.message}`, details };
    case 503:
      return { title: 'A service Qualflow depends on is not available. Try again in a moment.', details };
    default:
      return { title: error.message, details };
  }
}

export interface FieldError {
  field?: string;
  message: string;
}

/**
 * Reads field errors from a 4xx body in the shapes an Express + zod API commonly sends:
 * `{error, details: [{path, message}]}` (Qualflow's API), `{errors: [{field|path|key|elementId, message}]}`,
 * `{errors: {field: message}}`, or `{issues: [{path: [...], message}]}`.
 */
export function fieldErrors(body: unknown): FieldError[] {
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  const list = record.errors ?? record.issues ?? record.fieldErrors ?? (Array.isArray(record.details) ? record.details : undefined);
  if (Array.isArray(list)) return list.map(toFieldError).filter((e): e is FieldError => e !== null);
  if (list && typeof list === 'object') {
    return Object.entries(list as Record<string, unknown>).map(([field, value]) => ({
      field,
      message: Array.isArray(value) ? value.join(', ') : String(value),
    }));
  }
  return [];
}

function toFieldError(entry: unknown): FieldError | null {
  if (typeof entry === 'string') return { message: entry };
  if (!entry || typeof entry !== 'object') return null;
  const record = entry as Record<string, unknown>;
  const message = typeof record.message === 'string' ? record.message : JSON.stringify(entry);
  const rawField = record.field ?? record.key ?? record.path ?? record.elementId;
  const field = Array.isArray(rawField) ? rawField.join('.') : typeof rawField === 'string' ? rawField : undefined;
  return { field: field || undefined, message };
}
