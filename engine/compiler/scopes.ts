import type { Diagnostics } from './diagnostics';
import { classify, classifyElement } from './element-kinds';
import { displayName, mention, typeLabel } from './labels';
import { children, isType } from './moddle-access';
import type { BpmnElement } from './types';

/** A process or sub-process and what it directly contains. */
export interface Scope {
  container: BpmnElement;
  kind: 'process' | 'subProcess' | 'eventSubProcess';
  /** Flow nodes directly inside (events, activities, gateways), without ignored ones. */
  nodes: BpmnElement[];
  /** Sequence flows directly inside. */
  flows: BpmnElement[];
  /** Associations directly inside (links between compensation boundary events and handlers). */
  associations: BpmnElement[];
}

/**
 * Collects the process and every embedded and event sub-process inside it, at any
 * depth. Elements without an id are reported and left out. Unsupported containers
 * (transactions, ad-hoc sub-processes) are not entered: they are refused as a whole.
 */
export function collectScopes(process: BpmnElement, diagnostics: Diagnostics): Scope[] {
  const scopes: Scope[] = [];
  const visit = (container: BpmnElement, kind: Scope['kind']): void => {
    const elements = withIds(children(container, 'flowElements'), container, diagnostics);
    const nodes = elements.filter((element) => !isType(element, 'bpmn:SequenceFlow') && classify(element.$type) !== 'ignored');
    scopes.push({
      container,
      kind,
      nodes,
      flows: elements.filter((element) => isType(element, 'bpmn:SequenceFlow')),
      associations: children(container, 'artifacts').filter((artifact) => isType(artifact, 'bpmn:Association')),
    });
    for (const node of nodes) {
      const nested = classifyElement(node);
      if (nested === 'subProcess' || nested === 'eventSubProcess') visit(node, nested);
    }
  };
  visit(process, 'process');
  return scopes;
}

/** Elements without an id cannot be referenced or reported on: each is an error, and left out. */
function withIds(elements: BpmnElement[], container: BpmnElement, diagnostics: Diagnostics): BpmnElement[] {
  return elements.filter((element) => {
    if (element.id) return true;
    const name = displayName(element);
    diagnostics.error(container, `${typeLabel(element)}${name ? ` "${name}"` : ''} in ${mention(container)} has no id; every element needs one`);
    return false;
  });
}
