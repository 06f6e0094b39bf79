import { DOCUMENT, type Diagnostics } from './diagnostics';
import { outlineXml, type XmlOutline } from './xml-outline';

/** Bounds on what the compiler accepts, so a hostile or broken upload cannot exhaust the server. */
export const INPUT_LIMITS = {
  /** Largest document accepted, in bytes (UTF-8). */
  maxBytes: 2 * 1024 * 1024,
  /** Most flow elements (tasks, events, gateways, flows...) in all processes together. */
  maxFlowElements: 5000,
  /** Deepest XML element nesting. */
  maxDepth: 50,
} as const;

const DOCTYPE = /<!DOCTYPE/i;

/**
 * Checks the raw text before it is parsed: size, DOCTYPE (refused outright, so no entity
 * expansion can happen), and nesting depth. Reports every limit broken.
 *
 * @returns the document outline, or undefined when the document is refused.
 */
export function checkInputLimits(xml: string, diagnostics: Diagnostics): XmlOutline | undefined {
  if (isOverSizeLimit(xml)) {
    diagnostics.error(DOCUMENT, `The document is larger than ${INPUT_LIMITS.maxBytes / (1024 * 1024)} MB, which is not accepted`);
    return undefined;
  }
  let refused = false;
  if (DOCTYPE.test(xml)) {
    diagnostics.error(DOCUMENT, 'The document contains a DOCTYPE declaration, which is not accepted; remove it');
    refused = true;
  }
  if (xml.trim() === '') {
    diagnostics.error(DOCUMENT, 'The document is empty');
    return undefined;
  }
  const outline = outlineXml(xml, INPUT_LIMITS.maxDepth);
  if (outline.truncated) {
    diagnostics.error(DOCUMENT, `The document nests elements more than ${INPUT_LIMITS.maxDepth} levels deep, which is not accepted`);
    refused = true;
  }
  return refused ? undefined : outline;
}

/** True when the document's UTF-8 encoding is over the byte limit; encodes only when it can matter. */
function isOverSizeLimit(xml: string): boolean {
  if (xml.length > INPUT_LIMITS.maxBytes) return true;
  if (xml.length * 3 <= INPUT_LIMITS.maxBytes) return false;
  return new TextEncoder().encode(xml).length > INPUT_LIMITS.maxBytes;
}
