/**
 * A process variable's value as a person edits it: a kind (text, number, yes/no, JSON)
 * and the text in the field. Pure.
 */
export type ValueKind = 'text' | 'number' | 'boolean' | 'json';

export const VALUE_KINDS: { kind: ValueKind; label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'number', label: 'Number' },
  { kind: 'boolean', label: 'Yes / no' },
  { kind: 'json', label: 'JSON (list, object, null)' },
];

/** The kind a value is edited as. */
export function kindOf(value: unknown): ValueKind {
  if (typeof value === 'string' || value === undefined) return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'json';
}

/** The text a value shows in the field of its kind. */
export function textOf(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, typeof value === 'object' && value !== null ? 2 : undefined);
}

/**
 * The value of `text` read as `kind`.
 *
 * @throws Error with a sentence for the person editing when the text is not of that kind.
 */
export function parseValue(text: string, kind: ValueKind): unknown {
  switch (kind) {
    case 'text':
      return text;
    case 'number': {
      const number = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(number)) throw new Error(`"${text}" is not a number`);
      return number;
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      throw new Error('Choose yes or no');
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new Error('The value is not valid JSON');
      }
  }
}
