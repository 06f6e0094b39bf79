/**
 * The properties of one BPMN element as flat `path → value` pairs, including its
 * extension elements (`assignmentDefinition.candidateGroups`, `deadline.dueIn` ...), so two
 * versions of an element can be compared property by property. Pure.
 */

interface ModdleObject {
  $type?: string;
  id?: string;
  [property: string]: unknown;
}

/** Links to other elements and the diagram, compared elsewhere (as added/removed flows, layout). */
const SKIPPED = new Set(['id', 'incoming', 'outgoing', 'flowElements', 'artifacts', 'laneSets', 'di', 'sourceRef', 'targetRef']);

/** Containers that add no words to a path: `extensionElements.values[0]` is named by its own type. */
const TRANSPARENT = new Set(['extensionElements', 'values']);

const isObject = (value: unknown): value is ModdleObject => typeof value === 'object' && value !== null;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** `zeebe:AssignmentDefinition` → `assignmentDefinition`. */
const localName = (type = 'item') => {
  const name = type.replace(/^[a-z]+:/, '');
  return name.charAt(0).toLowerCase() + name.slice(1);
};

function collectList(items: unknown[], path: string, into: Map<string, string>): void {
  const references = items.filter((item) => isObject(item) && item.id !== undefined).map((item) => (item as ModdleObject).id);
  if (references.length > 0) into.set(path, JSON.stringify(references.join(', ')));
  const children = items.filter((item): item is ModdleObject => isObject(item) && item.id === undefined);
  const total = (type?: string) => children.filter((child) => child.$type === type).length;
  const seen = new Map<string | undefined, number>();
  for (const child of children) {
    const index = seen.get(child.$type) ?? 0;
    seen.set(child.$type, index + 1);
    collect(child, join(path, `${localName(child.$type)}${total(child.$type) > 1 ? `[${index}]` : ''}`), into);
  }
  items.forEach((item, index) => !isObject(item) && collect(item, `${path}[${index}]`, into));
}

function collect(value: unknown, path: string, into: Map<string, string>): void {
  if (Array.isArray(value)) return collectList(value, path, into);
  if (!isObject(value)) {
    if (value !== undefined && value !== null && value !== '') into.set(path, JSON.stringify(value));
    return;
  }
  // A reference to another element (a default flow, a message): its id is what matters.
  if (value.id !== undefined && path) return void into.set(path, JSON.stringify(value.id));
  const before = into.size;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$') || SKIPPED.has(key)) continue;
    collect(child, TRANSPARENT.has(key) ? path : join(path, key), into);
  }
  // A marker element without properties (`zeebe:userTask`) still counts by being there.
  if (into.size === before && path) into.set(path, 'set');
}

/** `path → JSON value` of every property of `element` and of its extension elements. */
function elementProperties(element: unknown): Map<string, string> {
  const into = new Map<string, string>();
  collect(element, '', into);
  return into;
}

/** `path: old → new` for every property that differs between two versions of an element. */
export function propertyChanges(older: unknown, newer: unknown): string[] {
  const before = elementProperties(older);
  const after = elementProperties(newer);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => `${path}: ${before.get(path) ?? '(none)'} → ${after.get(path) ?? '(none)'}`);
}
