/**
 * Reads the optional JSON variables typed into the start dialog. Pure.
 */
import type { Variables } from '../api/types';

export type ParsedVariables = { ok: true; variables: Variables | undefined } | { ok: false; message: string };

/** Empty text → no variables; otherwise a JSON object, or a sentence saying what is wrong. */
export function parseVariables(text: string): ParsedVariables {
  if (!text.trim()) return { ok: true, variables: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Variables are not valid JSON: ${(error as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'Variables must be a JSON object, e.g. {"documentNumber": "SOP-QA-0012"}.' };
  }
  return { ok: true, variables: value as Variables };
}
