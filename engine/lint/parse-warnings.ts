import type { ModdleWarning } from 'bpmn-moddle';
import { unresolvedReferences } from '../compiler/read-bpmn';
import type { BpmnElement } from '../compiler/types';

/** Per parsed tree: the references its parse could not resolve. Weak, so a closed diagram is forgotten. */
const unresolvedByTree = new WeakMap<object, Map<string, string>>();

/**
 * Tells the lint what the parser could not resolve in a tree (the warnings of bpmn-js'
 * `importXML` or bpmn-moddle's `fromXML`), so a reference to a missing element is
 * reported as the compiler reports it rather than read as no reference at all.
 */
export function rememberParseWarnings(definitions: object, warnings: readonly ModdleWarning[]): void {
  unresolvedByTree.set(definitions, unresolvedReferences(warnings));
}

/**
 * The unresolved references of a tree that still hold: an element the user has since
 * given a real reference (say, attached the boundary event to a task) no longer counts.
 */
export function unresolvedOf(definitions: BpmnElement): Map<string, string> {
  const remembered = unresolvedByTree.get(definitions);
  if (!remembered || remembered.size === 0) return new Map();
  const byId = elementsById(definitions);
  return new Map([...remembered].filter(([key]) => {
    const [id, property] = key.split('#');
    const element = byId.get(id);
    return element !== undefined && !element.get(property);
  }));
}

function elementsById(root: BpmnElement): Map<string, BpmnElement> {
  const found = new Map<string, BpmnElement>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 60 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth);
      return;
    }
    const element = value as BpmnElement & Record<string, unknown>;
    if (typeof element.$type !== 'string') return;
    if (element.id) found.set(element.id, element);
    for (const key of ['rootElements', 'flowElements', 'eventDefinitions', 'artifacts']) visit(element[key], depth + 1);
  };
  visit(root, 0);
  return found;
}
