/**
 * Server-side validation of the variables submitted with a task against the task's
 * form-js form: the same rules the form shows in the browser (required, number and
 * checkbox types, lengths, patterns, options of selects / radios / checklists), so an
 * API call cannot store what the form would have refused.
 *
 * Only submitted values are checked; the variables the task shows serve as context for
 * `conditional.hide`, `valuesKey` and FEEL-valued limits. A hidden, disabled or read-only
 * field is not checked. Variables the form does not know are let through.
 */
import {
  children,
  DISPLAY_ONLY,
  evaluateValue,
  type FormComponent,
  isHidden,
  readPath,
  segments,
} from './form-schema';
import { checkField } from './field-checks';

export interface FormViolation {
  /** Data path of the field, e.g. `amount` or `actions[1].owner`. */
  path: string;
  message: string;
}

type Data = Record<string, unknown>;

/**
 * Checks `submitted` against the form-js `schema`. Returns every violation (empty when
 * valid). A schema that is not an object has no fields and accepts anything.
 */
export function validateSubmission(schema: unknown, submitted: Data, shown: Data = {}): FormViolation[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const violations: FormViolation[] = [];
  walk(children(schema as FormComponent), [], { submitted, context: { ...shown, ...submitted } }, violations);
  return violations;
}

interface Scope {
  submitted: Data;
  context: Data;
}

function walk(components: FormComponent[], base: string[], scope: Scope, out: FormViolation[]): void {
  for (const component of components) {
    if (isHidden(component, scope.context) || isOff(component, scope.context)) continue;
    if (component.type === 'dynamiclist') {
      walkList(component, [...base, ...segments(component.path)], scope, out);
    } else if (component.type === 'group' || children(component).length > 0) {
      walk(children(component), [...base, ...segments(component.path)], scope, out);
    } else if (!DISPLAY_ONLY.has(component.type) && component.key) {
      const path = [...base, ...segments(component.key)];
      for (const message of checkField(component, readPath(scope.submitted, path), scope.context)) {
        out.push({ path: formatPath(path), message: `${fieldName(component)} ${message}` });
      }
    }
  }
}

function walkList(list: FormComponent, path: string[], scope: Scope, out: FormViolation[]): void {
  const items = readPath(scope.submitted, path);
  if (items === undefined || items === null) return;
  if (!Array.isArray(items)) {
    out.push({ path: formatPath(path), message: `${fieldName(list)} must be a list` });
    return;
  }
  items.forEach((item, index) => {
    const context = typeof item === 'object' && item !== null ? { ...scope.context, ...(item as Data) } : scope.context;
    walk(children(list), [...path, String(index)], { submitted: scope.submitted, context }, out);
  });
}

/** Disabled and read-only fields are not the user's input. */
function isOff(component: FormComponent, context: Data): boolean {
  return evaluateValue(component.disabled, context) === true || evaluateValue(component.readonly, context) === true;
}

function fieldName(component: FormComponent): string {
  const label = typeof component.label === 'string' && component.label.trim() ? component.label : component.key ?? component.path;
  return `"${label}"`;
}

function formatPath(path: string[]): string {
  return path.reduce((text, segment) => (/^\d+$/.test(segment) ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}
