import type { BpmnElement } from './types';

/**
 * Typed reads of bpmn-moddle elements. moddle objects are untyped at run time; these
 * helpers keep the `unknown`s in one place.
 */

/** True when the element is of the given `$type` (exact, e.g. `bpmn:UserTask`). */
export function isType(element: BpmnElement | undefined, type: string): boolean {
  return element?.$type === type;
}

/** A string property, or undefined when absent or blank. */
export function text(element: BpmnElement | undefined, property: string): string | undefined {
  const value = element?.get(property);
  if (typeof value !== 'string') return undefined;
  return value.trim() === '' ? undefined : value;
}

/** A boolean property (moddle applies schema defaults). */
export function flag(element: BpmnElement, property: string): boolean | undefined {
  const value = element.get(property);
  return typeof value === 'boolean' ? value : undefined;
}

/** A single-valued element property (a child or a resolved reference). */
export function child(element: BpmnElement | undefined, property: string): BpmnElement | undefined {
  const value = element?.get(property);
  return isElement(value) ? value : undefined;
}

/** A many-valued element property; an empty list when absent. */
export function children(element: BpmnElement | undefined, property: string): BpmnElement[] {
  const value = element?.get(property);
  return Array.isArray(value) ? value.filter(isElement) : [];
}

/** The body text of a `bpmn:FormalExpression` or similar element. */
export function body(element: BpmnElement | undefined): string | undefined {
  const value = element?.get('body');
  return typeof value === 'string' ? value : undefined;
}

/** The nearest element (itself or an ancestor) that carries an id. */
export function nearestWithId(element: BpmnElement | undefined): BpmnElement | undefined {
  let current = element;
  while (current && !current.id) current = current.$parent;
  return current;
}

export function isElement(value: unknown): value is BpmnElement {
  return typeof value === 'object' && value !== null && typeof (value as BpmnElement).$type === 'string'
    && typeof (value as BpmnElement).get === 'function';
}
