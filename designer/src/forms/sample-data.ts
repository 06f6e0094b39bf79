/**
 * Sample data for previewing a form: one example value per field, so a process owner
 * sees the form filled in and can edit the values. Pure.
 */
import type { FormSchema } from '../tasks/form-schema';

interface Component {
  type?: string;
  key?: string;
  path?: string;
  label?: string;
  subtype?: string;
  values?: { value: unknown }[];
  components?: Component[];
}

type Data = Record<string, unknown>;

/** Example data for every field of `schema`, nested as the fields' keys and paths say. */
export function sampleDataFor(schema: FormSchema): Data {
  const data: Data = {};
  fill(data, (schema.components ?? []) as Component[]);
  return data;
}

function fill(target: Data, components: Component[]): void {
  for (const component of components) {
    if (component.type === 'dynamiclist' && component.path) {
      const item: Data = {};
      fill(item, component.components ?? []);
      setPath(target, component.path, [item]);
    } else if (component.type === 'group' && component.path) {
      const group: Data = {};
      fill(group, component.components ?? []);
      setPath(target, component.path, group);
    } else if (component.components) {
      fill(target, component.components);
    } else if (component.key) {
      const value = exampleOf(component);
      if (value !== undefined) setPath(target, component.key, value);
    }
  }
}

function exampleOf(component: Component): unknown {
  const firstOption = component.values?.[0]?.value;
  switch (component.type) {
    case 'textfield':
    case 'textarea':
      return `Example ${component.label ?? component.key}`.trim();
    case 'number':
      return 1;
    case 'checkbox':
      return true;
    case 'datetime':
      return component.subtype === 'date' ? new Date().toISOString().slice(0, 10) : undefined;
    case 'select':
    case 'radio':
      return firstOption;
    case 'checklist':
    case 'taglist':
      return firstOption === undefined ? [] : [firstOption];
    default:
      return undefined;
  }
}

function setPath(target: Data, path: string, value: unknown): void {
  const segments = path.split('.').filter(Boolean);
  let current = target;
  segments.slice(0, -1).forEach((segment) => {
    if (typeof current[segment] !== 'object' || current[segment] === null) current[segment] = {};
    current = current[segment] as Data;
  });
  current[segments[segments.length - 1]] = value;
}
