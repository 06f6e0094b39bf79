import type { Diagnostics } from './diagnostics';
import { count, describe, mention } from './labels';
import { child, children, isType } from './moddle-access';
import type { BpmnElement } from './types';

/** The flow nodes of a process and the sequence flows that connect them. */
export interface ProcessGraph {
  nodes: BpmnElement[];
  /** Sequence flows whose source and target are both nodes of this graph, in document order. */
  flows: BpmnElement[];
  incoming(node: BpmnElement): BpmnElement[];
  outgoing(node: BpmnElement): BpmnElement[];
  /** Boundary events attached to a node. */
  attached(node: BpmnElement): BpmnElement[];
}

/** Builds the graph from flow nodes and candidate flows (flows with a missing end are left out). */
export function buildGraph(nodes: BpmnElement[], flows: BpmnElement[]): ProcessGraph {
  const members = new Set(nodes);
  const incoming = new Map<BpmnElement, BpmnElement[]>();
  const outgoing = new Map<BpmnElement, BpmnElement[]>();
  const attached = new Map<BpmnElement, BpmnElement[]>();
  const connected = flows.filter((flow) => {
    const source = child(flow, 'sourceRef');
    const target = child(flow, 'targetRef');
    return source !== undefined && target !== undefined && members.has(source) && members.has(target);
  });
  for (const flow of connected) {
    push(outgoing, child(flow, 'sourceRef')!, flow);
    push(incoming, child(flow, 'targetRef')!, flow);
  }
  for (const node of nodes) {
    const host = isType(node, 'bpmn:BoundaryEvent') ? child(node, 'attachedToRef') : undefined;
    if (host && members.has(host)) push(attached, host, node);
  }
  return {
    nodes,
    flows: connected,
    incoming: (node) => incoming.get(node) ?? [],
    outgoing: (node) => outgoing.get(node) ?? [],
    attached: (node) => attached.get(node) ?? [],
  };
}

/**
 * Checks how the process hangs together: one start event, start and end events used the
 * right way round, every element reachable from the start, no dead-end gateways.
 */
export function checkStructure(graph: ProcessGraph, process: BpmnElement, diagnostics: Diagnostics): void {
  const starts = graph.nodes.filter((node) => isType(node, 'bpmn:StartEvent'));
  const plainStarts = starts.filter((node) => children(node, 'eventDefinitions').length === 0);
  if (starts.length === 0) {
    diagnostics.error(process, `${describe(process)} has no start event`);
  } else if (plainStarts.length > 1) {
    diagnostics.error(process, `${describe(process)} has ${count(plainStarts.length, 'start event')}; exactly one is supported`);
  }
  if (!graph.nodes.some((node) => isType(node, 'bpmn:EndEvent'))) {
    diagnostics.warn(process, `${describe(process)} has no end event`);
  }

  for (const node of graph.nodes) checkConnections(graph, node, diagnostics);

  // A boundary event without a host is reported by its transformer; starting from it avoids a cascade here.
  const members = new Set(graph.nodes);
  const detached = graph.nodes.filter((node) => isType(node, 'bpmn:BoundaryEvent') && !members.has(child(node, 'attachedToRef')!));
  const reached = reachableFrom([...starts, ...detached], graph);
  for (const node of graph.nodes) {
    const entered = isType(node, 'bpmn:StartEvent') || isType(node, 'bpmn:BoundaryEvent') || graph.incoming(node).length > 0;
    if (entered && !reached.has(node) && starts.length > 0) {
      diagnostics.error(node, `${describe(node)} cannot be reached from the start event`);
    }
  }
}

function checkConnections(graph: ProcessGraph, node: BpmnElement, diagnostics: Diagnostics): void {
  const incoming = graph.incoming(node).length;
  const outgoing = graph.outgoing(node).length;
  const subject = describe(node);
  if (isType(node, 'bpmn:StartEvent')) {
    if (incoming > 0) diagnostics.error(node, `${subject} has an incoming flow; a start event cannot have one`);
    if (outgoing === 0) diagnostics.error(node, `${subject} has no outgoing flow`);
  } else if (isType(node, 'bpmn:BoundaryEvent')) {
    if (incoming > 0) diagnostics.error(node, `${subject} has an incoming flow; a boundary event cannot have one`);
    if (outgoing === 0) diagnostics.warn(node, `${subject} has no outgoing flow; the path ends there (add an end event to make that explicit)`);
  } else {
    if (incoming === 0) diagnostics.error(node, `${subject} has no incoming flow, so it can never be reached`);
    if (isType(node, 'bpmn:EndEvent')) {
      if (outgoing > 0) diagnostics.error(node, `${subject} has an outgoing flow; an end event cannot have one`);
    } else if (outgoing === 0 && node.$type.endsWith('Gateway')) {
      diagnostics.error(node, `${subject} has no outgoing flow`);
    } else if (outgoing === 0) {
      diagnostics.warn(node, `${subject} has no outgoing flow; the path ends there (add an end event to make that explicit)`);
    }
  }
}

function reachableFrom(starts: BpmnElement[], graph: ProcessGraph): Set<BpmnElement> {
  const reached = new Set<BpmnElement>();
  const queue = [...starts];
  while (queue.length > 0) {
    const node = queue.pop()!;
    if (reached.has(node)) continue;
    reached.add(node);
    for (const flow of graph.outgoing(node)) queue.push(child(flow, 'targetRef')!);
    queue.push(...graph.attached(node));
  }
  return reached;
}

/** Warns about two sequence flows with the same source and target. */
export function checkDuplicateFlows(graph: ProcessGraph, diagnostics: Diagnostics): void {
  const first = new Map<string, BpmnElement>();
  for (const flow of graph.flows) {
    const key = `${child(flow, 'sourceRef')!.id}\u0000${child(flow, 'targetRef')!.id}`;
    const earlier = first.get(key);
    if (earlier) diagnostics.warn(flow, `${describe(flow)} duplicates ${mention(earlier)}: both connect the same elements`);
    else first.set(key, flow);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
