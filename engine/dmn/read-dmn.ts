/**
 * Reading DMN XML with dmn-moddle: DMN 1.3 as Camunda Modeler writes it; DMN 1.1 and
 * 1.2 files are read as 1.3 (their decision tables and literal expressions are written the
 * same way), with a warning.
 */
import { DmnModdle, type DmnModdleInstance } from 'dmn-moddle';
import { DOCUMENT, type Diagnostics } from '../compiler/diagnostics';
import { isElement } from '../compiler/moddle-access';
import type { BpmnElement } from '../compiler/types';
import { DMN13_NAMESPACE, OLDER_DMN_NAMESPACES, rootNamespace } from './detect';

let moddle: DmnModdleInstance | undefined;

function getModdle(): DmnModdleInstance {
  moddle ??= DmnModdle();
  return moddle;
}

/**
 * Parses `xml` into the `dmn:Definitions` element. Unknown DMN content and duplicate ids
 * are errors (content would be lost); the parser's other remarks are warnings.
 *
 * @returns the definitions, or undefined when the XML is not a readable DMN document.
 */
export async function readDmn(xml: string, diagnostics: Diagnostics): Promise<BpmnElement | undefined> {
  const namespace = rootNamespace(xml);
  let source = xml;
  if (namespace !== DMN13_NAMESPACE) {
    if (!(OLDER_DMN_NAMESPACES as readonly string[]).includes(namespace ?? '')) {
      diagnostics.error(DOCUMENT, `The document is not a DMN 1.3 file: its root element must be <definitions> in the namespace ${DMN13_NAMESPACE}`);
      return undefined;
    }
    diagnostics.warn(DOCUMENT, `The document uses the older DMN namespace ${namespace}; it is read as DMN 1.3 (save it again in Camunda Modeler to convert it)`);
    source = xml.split(namespace!).join(DMN13_NAMESPACE);
  }
  let result;
  try {
    result = await getModdle().fromXML(source, 'dmn:Definitions');
  } catch (error) {
    diagnostics.error(DOCUMENT, `The DMN file cannot be read: ${firstLine(error instanceof Error ? error.message : String(error))}`);
    return undefined;
  }
  for (const warning of result.warnings) {
    const on = isElement(warning.element) ? (warning.element as BpmnElement).id ?? DOCUMENT : DOCUMENT;
    const message = firstLine(warning.message);
    if (/duplicate ID|unparsable content <(?!zeebe:|modeler:|biodi:)/i.test(message)) diagnostics.error(on, `The DMN file has content that cannot be read: ${message}`);
    else diagnostics.warn(on, `Part of the DMN file is ignored: ${message}`);
  }
  if (!isElement(result.rootElement) || result.rootElement.$type !== 'dmn:Definitions') {
    diagnostics.error(DOCUMENT, 'The document is not a DMN file: its root element must be <definitions>');
    return undefined;
  }
  return result.rootElement;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
