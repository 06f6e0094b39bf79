import { classifyElement } from '../element-kinds';
import { children, isType } from '../moddle-access';
import type { Transformer } from '../transformer';
import type { BpmnElement } from '../types';

/**
 * Embedded sub-process: its own variable scope, entered at its one none start event
 * and complete when its last token ends. Its elements are compiled as elements of the
 * model with `parent` set to its id; event sub-processes inside are armed while it runs.
 */
export const subProcess: Transformer<'subProcess'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: [],
  transform(element, common) {
    const { startEventId, eventSubProcesses } = innerScope(element);
    return startEventId === undefined ? undefined : { kind: 'subProcess', ...common, startEventId, eventSubProcesses };
  },
};

/** The start event and the event sub-processes directly inside a (event) sub-process. The structure check reports a missing start. */
export function innerScope(element: BpmnElement): { startEventId?: string; eventSubProcesses: string[] } {
  const inside = children(element, 'flowElements');
  const starts = inside.filter((node) => isType(node, 'bpmn:StartEvent') && node.id);
  return {
    startEventId: starts.length === 1 ? starts[0].id : undefined,
    eventSubProcesses: inside.filter((node) => classifyElement(node) === 'eventSubProcess' && node.id).map((node) => node.id!),
  };
}
