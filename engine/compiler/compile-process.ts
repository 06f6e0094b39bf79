import type { FlowElement, ProcessModel } from '../../workflows/model';
import { DOCUMENT, type Diagnostics } from './diagnostics';
import { classify } from './element-kinds';
import { TRANSFORMERS } from './elements';
import { checkExtensions, findExtensions } from './extensions';
import { readIoMapping } from './io-mapping';
import { describe, displayName, mention, typeLabel } from './labels';
import { child, children, flag, isType, text } from './moddle-access';
import type { ParsedDocument } from './read-bpmn';
import type { SelectedProcess } from './select-process';
import { checkFlowEnds, transformFlows } from './sequence-flows';
import { buildGraph, checkDuplicateFlows, checkStructure } from './structure';
import type { TransformContext } from './transformer';
import type { BpmnElement, CommonFields } from './types';

/**
 * Compiles the selected process into a `ProcessModel`: classifies every flow element,
 * checks the structure and the flows, and runs each element's transformer.
 *
 * @returns the model, or undefined when any error was reported (the errors say why).
 */
export function compileProcess(
  { process, name }: SelectedProcess,
  parsed: ParsedDocument,
  diagnostics: Diagnostics,
): ProcessModel | undefined {
  const flowElements = withIds(children(process, 'flowElements'), process, diagnostics);
  const flows = flowElements.filter((element) => isType(element, 'bpmn:SequenceFlow'));
  const nodes = flowElements.filter((element) => !isType(element, 'bpmn:SequenceFlow') && classify(element.$type) !== 'ignored');

  for (const node of nodes) {
    if (classify(node.$type) === 'unsupported') diagnostics.error(node, `${describe(node)} is not supported yet`);
    else checkActivityMarkers(node, parsed.unresolved, diagnostics);
  }
  checkFlowEnds(flows, new Set(nodes), parsed.unresolved, diagnostics);
  const graph = buildGraph(nodes, flows);
  checkStructure(graph, process, diagnostics);
  checkDuplicateFlows(graph, diagnostics);
  checkExtensions(diagnostics, process, ['zeebe:UserTaskForm', 'zeebe:VersionTag'], ['zeebe:UserTaskForm']);

  const context: TransformContext = {
    diagnostics,
    process,
    graph,
    embeddedForms: new Map(findExtensions(process, 'zeebe:UserTaskForm').map((form) => [text(form, 'id') ?? '', text(form, 'body')])),
    unresolved: parsed.unresolved,
  };
  const modelFlows = transformFlows(graph, diagnostics);
  const elements: Record<string, FlowElement> = {};
  for (const node of nodes) {
    const element = transformNode(node, context);
    if (element) elements[element.id] = element;
  }

  const start = graph.nodes.find((node) => isType(node, 'bpmn:StartEvent') && children(node, 'eventDefinitions').length === 0);
  if (!process.id) diagnostics.error(DOCUMENT, 'The executable process has no id');
  if (diagnostics.hasErrors || !start?.id || !process.id) return undefined;
  return { id: process.id, name, startEventId: start.id, elements, flows: modelFlows };
}

/** Elements without an id cannot be referenced or reported on: each is an error, and left out. */
function withIds(elements: BpmnElement[], process: BpmnElement, diagnostics: Diagnostics): BpmnElement[] {
  return elements.filter((element) => {
    if (element.id) return true;
    const name = displayName(element);
    diagnostics.error(process, `${typeLabel(element)}${name ? ` "${name}"` : ''} in ${mention(process)} has no id; every element needs one`);
    return false;
  });
}

function transformNode(node: BpmnElement, context: TransformContext): FlowElement | undefined {
  const kind = classify(node.$type);
  if (kind === 'ignored' || kind === 'unsupported' || !node.id) return undefined;
  const transformer = TRANSFORMERS[kind];
  const { graph, diagnostics } = context;
  const io = transformer.ioMapping === 'none'
    ? { inputs: [], outputs: [] }
    : readIoMapping(diagnostics, node, { allowInputs: transformer.ioMapping === 'inputs-and-outputs' });
  const common: CommonFields = {
    id: node.id,
    name: displayName(node) ?? node.id,
    incoming: graph.incoming(node).map((flow) => flow.id!),
    outgoing: graph.outgoing(node).map((flow) => flow.id!),
    ...io,
    boundaryEvents: graph.attached(node).map((event) => event.id!),
  };
  const understood = transformer.ioMapping === 'none' ? transformer.extensions : [...transformer.extensions, 'zeebe:IoMapping'];
  checkExtensions(diagnostics, node, understood);
  return transformer.transform(node, common, context);
}

/** Markers no supported element may carry yet: loops, compensation, default flows outside gateways. */
function checkActivityMarkers(node: BpmnElement, unresolved: Map<string, string>, diagnostics: Diagnostics): void {
  const subject = describe(node);
  const loop = child(node, 'loopCharacteristics');
  if (isType(loop, 'bpmn:MultiInstanceLoopCharacteristics')) {
    diagnostics.error(node, `${subject} with a multi-instance marker is not supported yet`);
  } else if (loop) {
    diagnostics.error(node, `${subject} with a loop marker is not supported yet`);
  }
  if (flag(node, 'isForCompensation')) {
    diagnostics.error(node, `${subject} as a compensation handler is not supported yet`);
  }
  if (!node.$type.endsWith('Gateway') && (child(node, 'default') || unresolved.has(`${node.id}#default`))) {
    diagnostics.error(node, `${subject} has a default flow; default flows are only supported on gateways`);
  }
}
