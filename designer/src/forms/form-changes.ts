/**
 * Whether the editor holds changes the server does not have yet. The form-js editor
 * re-emits a schema after every import (with its exporter stamp), so schemas are compared
 * by content, not by change events. Pure.
 */
import type { FormSchema } from '../tasks/form-schema';

/** Keys the editor stamps on every schema it writes; they say nothing about the form. */
const STAMPS = new Set(['exporter', 'schemaVersion']);

/** True when `a` and `b` describe the same form. */
export function sameForm(a: FormSchema, b: FormSchema): boolean {
  return canonical(a, true) === canonical(b, true);
}

function canonical(value: unknown, topLevel = false): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => item !== undefined && !(topLevel && STAMPS.has(key)))
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
