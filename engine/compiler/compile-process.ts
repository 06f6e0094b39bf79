import type { FlowElement, ProcessModel } from '../../workflows/model';
import { DOCUMENT, type Diagnostics } from './diagnostics';
import { classifyElement, unsupportedInside, unsupportedMessage } from './element-kinds';
import { TRANSFORMERS } from './elements';
import { checkExtensions, findExtension, findExtensions } from './extensions';
import { readIoMapping } from './io-mapping';
import { readJobHeaders } from './job-definition';
import { applyProcessSettings } from './process-calendar';
import { describe, displayName } from './labels';
import { isActivity, linkCompensationHandlers, readMarkers } from './markers';
import { children, isType, text } from './moddle-access';
import type { ParsedDocument } from './read-bpmn';
import { collectScopes } from './scopes';
import type { SelectedProcess } from './select-process';
import { checkFlowEnds, transformFlows } from './sequence-flows';
import { buildGraph, checkDuplicateFlows, checkStructure } from './structure';
import type { TransformContext } from './transformer';
import type { BpmnElement, CommonFields } from './types';

/**
 * Compiles the selected process into a `ProcessModel`: collects the process and every
 * sub-process in it (each a scope), classifies every flow element, checks each scope's
 * structure and the flows, and runs each element's transformer. Elements of every
 * nesting level go into `model.elements`, with `parent` naming their sub-process.
 *
 * @returns the model, or undefined when any error was reported (the errors say why).
 */
export function compileProcess(
  { process, name }: SelectedProcess,
  parsed: ParsedDocument,
  diagnostics: Diagnostics,
): ProcessModel | undefined {
  const scopes = collectScopes(process, diagnostics);
  const nodes = scopes.flatMap((scope) => scope.nodes);
  const flows = scopes.flatMap((scope) => scope.flows);

  for (const node of nodes) {
    if (classifyElement(node) !== 'unsupported') continue;
    diagnostics.error(node, unsupportedMessage(node));
    for (const inside of unsupportedInside(node)) diagnostics.error(inside, unsupportedMessage(inside));
  }
  checkFlowEnds(flows, new Set(nodes), parsed.unresolved, diagnostics);
  const graph = buildGraph(nodes, flows);
  for (const scope of scopes) checkStructure(buildGraph(scope.nodes, scope.flows), scope, diagnostics);
  checkDuplicateFlows(graph, diagnostics);
  checkExtensions(diagnostics, process, ['zeebe:UserTaskForm', 'zeebe:VersionTag'], ['zeebe:UserTaskForm']);
  if (findExtension(process, 'zeebe:VersionTag') && !text(findExtension(process, 'zeebe:VersionTag'), 'value')?.trim()) {
    diagnostics.error(process, `${describe(process)} with a version tag (zeebe:versionTag) must have a defined value`);
  }

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
  linkCompensationHandlers(scopes, elements, diagnostics);

  const topLevel = scopes[0].nodes;
  const start = topLevel.find((node) => isType(node, 'bpmn:StartEvent') && children(node, 'eventDefinitions').length === 0);
  if (!process.id) diagnostics.error(DOCUMENT, 'The executable process has no id');
  if (diagnostics.hasErrors || !process.id) return undefined;
  const model: ProcessModel = { id: process.id, name, startEventId: start?.id ?? '', elements, flows: modelFlows };
  const eventSubProcesses = topLevel.filter((node) => classifyElement(node) === 'eventSubProcess').map((node) => node.id!);
  if (eventSubProcesses.length > 0) model.eventSubProcesses = eventSubProcesses;
  const versionTag = text(findExtension(process, 'zeebe:VersionTag'), 'value')?.trim();
  if (versionTag !== undefined) model.versionTag = versionTag;
  applyProcessSettings(diagnostics, process, model);
  return diagnostics.hasErrors ? undefined : model;
}

function transformNode(node: BpmnElement, context: TransformContext): FlowElement | undefined {
  const kind = classifyElement(node);
  if (kind === 'ignored' || kind === 'unsupported' || !node.id) return undefined;
  const transformer = TRANSFORMERS[kind];
  const { graph, diagnostics, unresolved } = context;
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
    ...readMarkers(node, unresolved, diagnostics),
  };
  const parent = node.$parent;
  if (parent && parent !== context.process && parent.id) common.parent = parent.id;
  const understood = [...transformer.extensions];
  if (transformer.ioMapping !== 'none') understood.push('zeebe:IoMapping');
  if (isActivity(node)) {
    understood.push('zeebe:TaskHeaders');
    const headers = readJobHeaders(diagnostics, node);
    if (Object.keys(headers).length > 0) common.headers = headers;
  }
  checkExtensions(diagnostics, node, understood);
  return transformer.transform(node, common, context);
}
