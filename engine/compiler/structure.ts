import type { Diagnostics } from './diagnostics';
import { count, describe, mention } from './labels';
import { child, children, flag, isType, text } from './moddle-access';
import type { Scope } from './scopes';
import type { BpmnElement } from './types';

/** The flow nodes of a process (or of one scope) and the sequence flows that connect them. */
export interface ProcessGraph {
  nodes: BpmnElement[];
  /** Sequence flows whose source and target are both nodes of this graph and of the flow's own scope, in document order. */
  flows: BpmnElement[];
  incoming(node: BpmnElement): BpmnElement[];
  outgoing(node: BpmnElement): BpmnElement[];
  /** Boundary events attached to a node. */
  attached(node: BpmnElement): BpmnElement[];
}

/** Builds the graph from flow nodes and candidate flows (flows with a missing end, or crossing a scope boundary, are left out). */
export function buildGraph(nodes: BpmnElement[], flows: BpmnElement[]): ProcessGraph {
  const members = new Set(nodes);
  const incoming = new Map<BpmnElement, BpmnElement[]>();
  const outgoing = new Map<BpmnElement, BpmnElement[]>();
  const attached = new Map<BpmnElement, BpmnElement[]>();
  const connected = flows.filter((flow) => {
    const source = child(flow, 'sourceRef');
    const target = child(flow, 'targetRef');
    return source !== undefined && target !== undefined && members.has(source) && members.has(target)
      && source.$parent === flow.$parent && target.$parent === flow.$parent;
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

/** The one event definition type of an event, or undefined. */
function definitionType(node: BpmnElement): string | undefined {
  const definitions = children(node, 'eventDefinitions');
  return definitions.length === 1 ? definitions[0].$type : undefined;
}

const isEventSubProcess = (node: BpmnElement): boolean => isType(node, 'bpmn:SubProcess') && flag(node, 'triggeredByEvent') === true;
const isCompensationHandler = (node: BpmnElement): boolean => flag(node, 'isForCompensation') === true;
const isLink = (node: BpmnElement, type: string): boolean => isType(node, type) && definitionType(node) === 'bpmn:LinkEventDefinition';
const isCompensationBoundary = (node: BpmnElement): boolean =>
  isType(node, 'bpmn:BoundaryEvent') && definitionType(node) === 'bpmn:CompensateEventDefinition';
const linkName = (node: BpmnElement): string | undefined => text(children(node, 'eventDefinitions')[0], 'name')?.trim();

/**
 * Checks how one scope (the process, a sub-process or an event sub-process) hangs
 * together: its start events, start and end events used the right way round, every
 * element reachable from a start, links paired, event-based gateways' events entered
 * only from them.
 */
export function checkStructure(graph: ProcessGraph, scope: Scope, diagnostics: Diagnostics): void {
  const { container } = scope;
  const starts = graph.nodes.filter((node) => isType(node, 'bpmn:StartEvent'));
  const plainStarts = starts.filter((node) => children(node, 'eventDefinitions').length === 0);
  if (scope.kind === 'process') {
    if (starts.length === 0) {
      diagnostics.error(container, `${describe(container)} has no start event`);
    } else if (plainStarts.length > 1) {
      const many = `${count(plainStarts.length, 'none start event')} of ${mention(container)}`;
      for (const start of plainStarts) {
        diagnostics.error(start, `${describe(start)} is one of ${many}; multiple none start events are not allowed`);
      }
    }
    if (!graph.nodes.some((node) => isType(node, 'bpmn:EndEvent'))) {
      diagnostics.warn(container, `${describe(container)} has no end event`);
    }
  } else if (starts.length !== 1) {
    diagnostics.error(container, `${describe(container)} must have exactly one start event; it has ${count(starts.length, 'start event')}`);
  }

  for (const node of graph.nodes) checkConnections(graph, node, diagnostics);
  checkLinks(graph, diagnostics);
  checkEventBasedGateways(graph, diagnostics);
  for (const node of graph.nodes) checkCatchConflicts(graph.attached(node), `boundary events of ${mention(node)}`, diagnostics);
  const eventSubProcessStarts = graph.nodes.filter(isEventSubProcess)
    .flatMap((esp) => children(esp, 'flowElements').filter((inner) => isType(inner, 'bpmn:StartEvent')));
  checkCatchConflicts(eventSubProcessStarts, `event sub-process start events of ${mention(container)}`, diagnostics);
  if (scope.kind === 'process') checkCatchConflicts(starts, `start events of ${mention(container)}`, diagnostics);

  // A boundary event without a host is reported by its transformer; starting from it avoids a cascade here.
  const members = new Set(graph.nodes);
  const detached = graph.nodes.filter((node) => isType(node, 'bpmn:BoundaryEvent') && !members.has(child(node, 'attachedToRef')!));
  const reached = reachableFrom([...starts, ...detached], graph);
  for (const node of graph.nodes) {
    if (isEventSubProcess(node) || isCompensationHandler(node)) continue;
    const entered = isType(node, 'bpmn:StartEvent') || isType(node, 'bpmn:BoundaryEvent') || isLink(node, 'bpmn:IntermediateCatchEvent')
      || graph.incoming(node).length > 0;
    if (entered && !reached.has(node) && starts.length > 0) {
      diagnostics.error(node, `${describe(node)} cannot be reached from the start event`);
    }
  }
}

function checkConnections(graph: ProcessGraph, node: BpmnElement, diagnostics: Diagnostics): void {
  const incoming = graph.incoming(node).length;
  const outgoing = graph.outgoing(node).length;
  const subject = describe(node);
  if (isEventSubProcess(node) || isCompensationHandler(node)) {
    const what = isEventSubProcess(node) ? 'an event sub-process' : 'a compensation handler';
    if (incoming + outgoing > 0) diagnostics.error(node, `${subject} has sequence flows; ${what} cannot have incoming or outgoing sequence flows`);
  } else if (isType(node, 'bpmn:StartEvent')) {
    if (incoming > 0) diagnostics.error(node, `${subject} has an incoming flow; a start event cannot have one`);
    if (outgoing === 0) diagnostics.error(node, `${subject} has no outgoing flow`);
  } else if (isCompensationBoundary(node)) {
    if (incoming + outgoing > 0) {
      diagnostics.error(node, `${subject} has sequence flows; a compensation boundary event is connected to its handler by an association, not by sequence flows`);
    }
  } else if (isType(node, 'bpmn:BoundaryEvent')) {
    if (incoming > 0) diagnostics.error(node, `${subject} has an incoming flow; a boundary event cannot have one`);
    if (outgoing === 0) diagnostics.warn(node, `${subject} has no outgoing flow; the path ends there (add an end event to make that explicit)`);
  } else if (isLink(node, 'bpmn:IntermediateCatchEvent')) {
    if (incoming > 0) diagnostics.error(node, `${subject} has an incoming flow; a link catch event is only entered from its link throw event`);
    if (outgoing === 0) diagnostics.warn(node, `${subject} has no outgoing flow; the path ends there (add an end event to make that explicit)`);
  } else if (isLink(node, 'bpmn:IntermediateThrowEvent')) {
    if (incoming === 0) diagnostics.error(node, `${subject} has no incoming flow, so it can never be reached`);
    if (outgoing > 0) diagnostics.error(node, `${subject} has an outgoing flow; a link throw event continues at its link catch event instead`);
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

/** Every link throw event needs exactly one link catch event of the same name in the same scope. */
function checkLinks(graph: ProcessGraph, diagnostics: Diagnostics): void {
  const catches = new Map<string, BpmnElement>();
  const namesakes = new Map<string, BpmnElement[]>();
  for (const node of graph.nodes.filter((candidate) => isLink(candidate, 'bpmn:IntermediateCatchEvent'))) {
    const name = linkName(node);
    if (name === undefined) continue;
    if (!catches.has(name)) catches.set(name, node);
    namesakes.set(name, [...(namesakes.get(name) ?? []), node]);
  }
  for (const [name, nodes] of namesakes) {
    if (nodes.length < 2) continue;
    for (const node of nodes) {
      const others = nodes.filter((other) => other !== node).map(mention).join(', ');
      diagnostics.error(node, `${describe(node)} must have a unique link name: "${name}" is also the name of ${others} in the same scope`);
    }
  }
  for (const node of graph.nodes.filter((candidate) => isLink(candidate, 'bpmn:IntermediateThrowEvent'))) {
    const name = linkName(node);
    if (name !== undefined && !catches.has(name)) {
      diagnostics.error(node, `${describe(node)} links to "${name}", but no link catch event of that name is in the same scope`);
    }
  }
}

/**
 * Two catch events that would both match the same thing (the same error or escalation
 * code, message name or signal name) where only one can react are refused, as in Camunda.
 */
function checkCatchConflicts(events: BpmnElement[], where: string, diagnostics: Diagnostics): void {
  const seen = new Map<string, BpmnElement>();
  for (const event of events) {
    const key = catchKey(event);
    if (key === undefined) continue;
    const earlier = seen.get(key.key);
    if (earlier) {
      diagnostics.error(event, `${describe(event)} catches ${key.what}, like ${mention(earlier)}; the ${where} must catch different ones`);
    } else {
      seen.set(key.key, event);
    }
  }
}

/** What a catch event matches on, or undefined when it cannot conflict. */
function catchKey(event: BpmnElement): { key: string; what: string } | undefined {
  const definition = children(event, 'eventDefinitions')[0];
  if (!definition || children(event, 'eventDefinitions').length > 1) return undefined;
  const read = (reference: string, property: string) => text(child(definition, reference), property)?.trim();
  switch (definition.$type) {
    case 'bpmn:ErrorEventDefinition': {
      const code = read('errorRef', 'errorCode');
      return { key: `error:${code ?? ''}`, what: code === undefined ? 'every error' : `the error code "${code}"` };
    }
    case 'bpmn:EscalationEventDefinition': {
      const code = read('escalationRef', 'escalationCode');
      return { key: `escalation:${code ?? ''}`, what: code === undefined ? 'every escalation' : `the escalation code "${code}"` };
    }
    case 'bpmn:MessageEventDefinition': {
      const name = read('messageRef', 'name');
      return name === undefined ? undefined : { key: `message:${name}`, what: `the message "${name}"` };
    }
    case 'bpmn:SignalEventDefinition': {
      const name = read('signalRef', 'name');
      return name === undefined ? undefined : { key: `signal:${name}`, what: `the signal "${name}"` };
    }
    default:
      return undefined;
  }
}

/** The events after an event-based gateway are entered only from it. */
function checkEventBasedGateways(graph: ProcessGraph, diagnostics: Diagnostics): void {
  for (const gateway of graph.nodes.filter((node) => isType(node, 'bpmn:EventBasedGateway'))) {
    for (const flow of graph.outgoing(gateway)) {
      const target = child(flow, 'targetRef')!;
      if (graph.incoming(target).length > 1) {
        diagnostics.error(gateway, `${describe(gateway)} leads to ${mention(target)}, which has other incoming flows; an event after an event-based gateway can only be entered from it`);
      }
    }
  }
}

function reachableFrom(starts: BpmnElement[], graph: ProcessGraph): Set<BpmnElement> {
  const reached = new Set<BpmnElement>();
  const queue = [...starts];
  const linkCatches = graph.nodes.filter((node) => isLink(node, 'bpmn:IntermediateCatchEvent'));
  while (queue.length > 0) {
    const node = queue.pop()!;
    if (reached.has(node)) continue;
    reached.add(node);
    for (const flow of graph.outgoing(node)) queue.push(child(flow, 'targetRef')!);
    queue.push(...graph.attached(node));
    if (isLink(node, 'bpmn:IntermediateThrowEvent')) {
      const name = linkName(node);
      queue.push(...linkCatches.filter((candidate) => linkName(candidate) === name));
    }
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
