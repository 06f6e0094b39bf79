/**
 * The parts of a form-js schema the server reads, and small helpers to walk it.
 * A form-js component is a loose object: `type`, optional `key` (a dotted data path),
 * optional `components` (groups, dynamic lists), `validate`, options...
 */
import { evaluate } from 'feelin';

export interface FormOption {
  label?: string;
  value: unknown;
}

export interface FormComponent {
  type: string;
  id?: string;
  key?: string;
  label?: string;
  /** Groups may nest their fields under an object path; dynamic lists keep an array there. */
  path?: string;
  components?: FormComponent[];
  disabled?: boolean;
  readonly?: boolean;
  conditional?: { hide?: string };
  validate?: {
    required?: boolean;
    min?: number | string;
    max?: number | string;
    minLength?: number | string;
    maxLength?: number | string;
    pattern?: string;
    validationType?: string;
  };
  values?: FormOption[];
  valuesKey?: string;
  valuesExpression?: string;
  serializeToString?: boolean;
  decimalDigits?: number;
  subtype?: string;
  [other: string]: unknown;
}

export interface FormSchema {
  id?: string;
  components?: FormComponent[];
  [other: string]: unknown;
}

/** Component types that only display things and never carry a value. */
export const DISPLAY_ONLY = new Set([
  'text', 'html', 'spacer', 'separator', 'image', 'button', 'iframe', 'table', 'documentPreview', 'expression',
]);

export function isFormComponent(value: unknown): value is FormComponent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function children(component: FormComponent | FormSchema): FormComponent[] {
  return Array.isArray(component.components) ? component.components.filter(isFormComponent) : [];
}

/** Splits a form-js dotted key or path into segments. */
export function segments(path: string | undefined): string[] {
  return path ? path.split('.').filter(Boolean) : [];
}

export function readPath(data: unknown, path: string[]): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Evaluates `=expr` (FEEL) against `context`; a literal is returned as is; failures give undefined. */
export function evaluateValue(value: unknown, context: Record<string, unknown>): unknown {
  if (typeof value !== 'string' || !value.startsWith('=')) return value;
  try {
    return evaluate(value.slice(1), context).value;
  } catch {
    return undefined;
  }
}

/** True when the component's `conditional.hide` expression holds for `context`. */
export function isHidden(component: FormComponent, context: Record<string, unknown>): boolean {
  const hide = component.conditional?.hide;
  if (typeof hide !== 'string' || hide.trim() === '') return false;
  return evaluateValue(hide.startsWith('=') ? hide : `=${hide}`, context) === true;
}

/** The options of a select / radio / checklist / taglist, or undefined when they cannot be known here. */
export function optionValues(component: FormComponent, context: Record<string, unknown>): unknown[] | undefined {
  let options: unknown;
  if (Array.isArray(component.values)) options = component.values;
  else if (component.valuesKey) options = readPath(context, segments(component.valuesKey));
  else if (component.valuesExpression) options = evaluateValue(component.valuesExpression, context);
  if (!Array.isArray(options)) return undefined;
  return options.map((option) =>
    typeof option === 'object' && option !== null && 'value' in option ? (option as FormOption).value : option,
  );
}
