/**
 * Structural checks of a form-js schema saved from the form editor, so that a form the
 * editor stores is one the tasklist can show and the server can validate submissions
 * against: every field has a usable key, no two fields write the same variable, and
 * validation rules are well-formed.
 */
import { children, type FormComponent, type FormSchema, DISPLAY_ONLY, segments } from '../forms/form-schema';

/** One problem, in the API's error-details shape: `path` names the component. */
export interface FormSchemaProblem {
  /** The component's id (or key) when known, else its position in the schema. */
  path: string;
  message: string;
}

const KEY_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Components whose own `path` scopes the keys of their children. */
const CONTAINERS = new Set(['group', 'dynamiclist']);

/** Every problem of `schema`; an empty list means the editor may save it. */
export function checkFormSchema(schema: FormSchema): FormSchemaProblem[] {
  const problems: FormSchemaProblem[] = [];
  walk(children(schema), [], 'components', new Map(), problems);
  return problems;
}

function walk(
  components: FormComponent[],
  scope: string[],
  where: string,
  seenKeys: Map<string, string>,
  problems: FormSchemaProblem[],
): void {
  components.forEach((component, index) => {
    const name = component.id ?? component.key ?? `${where}[${index}]`;
    const report = (message: string) => problems.push({ path: name, message });
    if (!DISPLAY_ONLY.has(component.type) && !CONTAINERS.has(component.type)) checkKey(component, scope, seenKeys, report);
    checkValidation(component, report);
    const path = CONTAINERS.has(component.type) ? segments(component.path) : [];
    if (!path.every((segment) => KEY_SEGMENT.test(segment))) report(`has the path "${component.path}"; use names made of letters, digits and _ separated by dots`);
    const nestedKeys = component.type === 'dynamiclist' ? new Map<string, string>() : seenKeys;
    walk(children(component), [...scope, ...path], `${where}[${index}].components`, nestedKeys, problems);
  });
}

function checkKey(component: FormComponent, scope: string[], seenKeys: Map<string, string>, report: (message: string) => void): void {
  if (typeof component.key !== 'string' || component.key.trim() === '') {
    report(`is a ${component.type} field without a key (the variable it fills)`);
    return;
  }
  const path = segments(component.key);
  if (!path.every((segment) => KEY_SEGMENT.test(segment))) {
    report(`has the key "${component.key}"; use names made of letters, digits and _ separated by dots`);
    return;
  }
  const full = [...scope, ...path].join('.');
  const other = seenKeys.get(full);
  if (other !== undefined) report(`fills the variable "${full}", as ${other} does; give each field its own key`);
  else seenKeys.set(full, component.id ?? component.key);
}

function checkValidation(component: FormComponent, report: (message: string) => void): void {
  const rules = component.validate;
  if (!rules) return;
  if (typeof rules.pattern === 'string' && rules.pattern !== '') {
    try {
      new RegExp(rules.pattern);
    } catch {
      report(`has the pattern "${rules.pattern}", which is not a valid regular expression`);
    }
  }
  for (const [low, high] of [['min', 'max'], ['minLength', 'maxLength']] as const) {
    const lower = rules[low];
    const upper = rules[high];
    if (typeof lower === 'number' && typeof upper === 'number' && lower > upper) {
      report(`has ${low} ${lower} above ${high} ${upper}`);
    }
  }
}
