import { BpmnModdle, type ModdleWarning } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import qualflowDescriptor from './qualflow-moddle.json';
import { DOCUMENT, type Diagnostics } from './diagnostics';
import { describe } from './labels';
import { isElement, nearestWithId } from './moddle-access';
import type { BpmnElement } from './types';
import type { XmlOutline } from './xml-outline';

/** What parsing yields: the definitions root, and references that pointed nowhere. */
export interface ParsedDocument {
  definitions: BpmnElement;
  /** `elementId#property` → the id it referred to, for references the parser could not resolve. */
  unresolved: Map<string, string>;
}

/** Namespaces whose unknown elements may carry meaning: skipping them would be a silent skip. */
const MEANINGFUL_PREFIXES = new Set(['bpmn', 'zeebe', 'qualflow']);

/** References the compiler reports itself, with more context: property → the element types it applies to. */
const STRUCTURAL_REFERENCES: Record<string, (type: string) => boolean> = {
  sourceRef: (type) => type === 'bpmn:SequenceFlow',
  targetRef: (type) => type === 'bpmn:SequenceFlow',
  attachedToRef: (type) => type === 'bpmn:BoundaryEvent',
  default: () => true,
  messageRef: (type) => type === 'bpmn:MessageEventDefinition' || type === 'bpmn:ReceiveTask',
  signalRef: (type) => type === 'bpmn:SignalEventDefinition',
  errorRef: (type) => type === 'bpmn:ErrorEventDefinition',
  escalationRef: (type) => type === 'bpmn:EscalationEventDefinition',
  activityRef: (type) => type === 'bpmn:CompensateEventDefinition',
};

const UNPARSABLE = /^unparsable content (.*?) ?detected\s+line: (\d+)\s+column: (\d+)\s+nested error: ([\s\S]*)$/;

const NOT_BPMN = 'The document is not a BPMN 2.0 diagram: its root element must be <bpmn:definitions>';

let moddle: BpmnModdle | undefined;

/** bpmn-moddle with the Zeebe and Qualflow extensions, created once. */
function getModdle(): BpmnModdle {
  moddle ??= new BpmnModdle({ zeebe: zeebeDescriptor, qualflow: qualflowDescriptor });
  return moddle;
}

/**
 * Parses BPMN XML with bpmn-moddle and turns its warnings into diagnostics: anything
 * that drops content the engine would need (duplicate ids, unknown BPMN or Zeebe
 * elements) is an error, cosmetic issues are warnings.
 *
 * @returns the parsed document, or undefined when the XML cannot be read at all.
 */
export async function readBpmn(xml: string, outline: XmlOutline, diagnostics: Diagnostics): Promise<ParsedDocument | undefined> {
  let result;
  try {
    result = await getModdle().fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    diagnostics.error(DOCUMENT, describeFatal(error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  const elementsById = result.elementsById as Record<string, BpmnElement>;
  const unresolved = new Map<string, string>();
  for (const warning of result.warnings) {
    reportWarning(warning, { outline, elementsById, unresolved, diagnostics });
  }
  if (!isElement(result.rootElement)) {
    diagnostics.error(DOCUMENT, NOT_BPMN);
    return undefined;
  }
  return { definitions: result.rootElement, unresolved };
}

interface WarningContext {
  outline: XmlOutline;
  elementsById: Record<string, BpmnElement>;
  unresolved: Map<string, string>;
  diagnostics: Diagnostics;
}

function reportWarning(warning: ModdleWarning, context: WarningContext): void {
  const { diagnostics } = context;
  const owner = isElement(warning.element) ? nearestWithId(warning.element) : undefined;
  const unparsable = UNPARSABLE.exec(warning.message);

  if (unparsable) {
    reportUnparsable(unparsable, context);
  } else if (warning.message.startsWith('unknown attribute')) {
    const on = isElement(warning.element) && warning.element !== owner ? ` on <${warning.element.$type}>` : '';
    const subject = owner ? describe(owner) : 'The document';
    diagnostics.warn(owner, `${subject} has the attribute "${warning.property}"${on}, which is not known and is ignored`);
  } else if (warning.message.startsWith('unresolved reference')) {
    const target = String(warning.value);
    const structural = structuralReference(warning);
    if (owner?.$type.startsWith('bpmndi:')) {
      diagnostics.warn(DOCUMENT, `The diagram layout refers to "${target}", which does not exist`);
    } else if (structural) {
      context.unresolved.set(structural[0], structural[1]);
    } else {
      diagnostics.warn(owner, `${owner ? describe(owner) : 'The document'} refers to "${target}", which does not exist`);
    }
  } else if (warning.message.startsWith('unsupported document encoding')) {
    diagnostics.warn(DOCUMENT, 'The document declares an encoding other than UTF-8; it was read as UTF-8');
  } else {
    diagnostics.warn(owner, warning.message);
  }
}

/** For a reference the compiler reports itself with more context: `elementId#property` and the id it pointed to. */
function structuralReference(warning: ModdleWarning): [string, string] | undefined {
  if (!warning.message.startsWith('unresolved reference') || !isElement(warning.element)) return undefined;
  const owner = nearestWithId(warning.element);
  const property = localName(warning.property ?? '');
  if (!owner?.id || !STRUCTURAL_REFERENCES[property]?.(warning.element.$type)) return undefined;
  return [`${owner.id}#${property}`, String(warning.value)];
}

/**
 * The references a parse left unresolved that the compiler's checks need to know about
 * (`elementId#property` → the missing id), from bpmn-moddle's (or bpmn-js's import)
 * warnings: without them a reference to nothing reads as no reference.
 */
export function unresolvedReferences(warnings: readonly ModdleWarning[]): Map<string, string> {
  return new Map(warnings.map(structuralReference).filter((entry) => entry !== undefined));
}

function reportUnparsable(match: RegExpExecArray, context: WarningContext): void {
  const [, tag, line, column, nested] = match;
  const where = `line ${Number(line) + 1}`;
  const enclosingId = context.outline.enclosingId(Number(line), Number(column));
  const enclosing = enclosingId ? context.elementsById[enclosingId] : undefined;
  const owner = enclosing && enclosing.$type !== 'bpmn:Definitions' ? enclosing : undefined;
  const on = owner?.id ?? DOCUMENT;
  const inside = owner ? `${describe(owner)} contains` : 'The document contains';

  const duplicate = /^duplicate ID <(.*)>$/.exec(nested);
  const illegal = /^illegal ID <(.*)>$/.exec(nested);
  const unknown = /^(?:unknown type|unrecognized element) <(.*)>$/.exec(nested);
  const text = /^unexpected body text <([\s\S]*)>$/.exec(nested);
  if (duplicate) {
    context.diagnostics.error(duplicate[1], `The id "${duplicate[1]}" is used by more than one element (again at ${where}); every id must be unique`);
  } else if (illegal) {
    context.diagnostics.error(on, `"${illegal[1]}" (${where}) is not a valid element id: it must start with a letter or underscore and contain no spaces`);
  } else if (unknown) {
    const prefix = unknown[1].includes(':') ? unknown[1].slice(0, unknown[1].indexOf(':')) : '';
    const message = `${inside} ${tag || `<${unknown[1]}>`} (${where}), which is not a known element here`;
    if (MEANINGFUL_PREFIXES.has(prefix)) context.diagnostics.error(on, message);
    else context.diagnostics.warn(on, `${message}; it is ignored`);
  } else if (text) {
    context.diagnostics.warn(on, `${inside} the text "${text[1].trim()}" (${where}), which does not belong there and is ignored`);
  } else {
    context.diagnostics.error(on, `The element ${tag || 'content'} at ${where} cannot be read: ${nested}`);
  }
}

/** A sentence for a document the parser gave up on. */
function describeFatal(message: string): string {
  const match = UNPARSABLE.exec(message);
  if (match) {
    const [, , line, column, nested] = match;
    return `The document is not well-formed XML: ${nested} at line ${Number(line) + 1}, column ${Number(column) + 1}`;
  }
  if (message.startsWith('failed to parse document as')) {
    return NOT_BPMN;
  }
  return `The document cannot be read: ${message}`;
}

function localName(name: string): string {
  return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}
