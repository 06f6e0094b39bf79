/**
 * A light pass over the raw XML, before any real parsing: how deep elements nest, and
 * where each element starts and which id it carries. The depth bounds the input; the
 * outline lets parser warnings, which only know a line and column, name the BPMN
 * element they happened in.
 */

interface OutlineTag {
  start: number;
  id?: string;
  parent: number;
}

export interface XmlOutline {
  /** Deepest element nesting seen (the root element is depth 1). */
  maxDepth: number;
  /** True when scanning stopped because `maxDepth` passed the limit given. */
  truncated: boolean;
  /** The id of the nearest element enclosing the tag that starts at this line and column (both 0-based). */
  enclosingId(line: number, column: number): string | undefined;
}

const ID_ATTRIBUTE = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** Scans `xml`; stops early once nesting exceeds `depthLimit`. Never throws on malformed input. */
export function outlineXml(xml: string, depthLimit: number): XmlOutline {
  const tags: OutlineTag[] = [];
  const startIndex = new Map<number, number>();
  const stack: number[] = [];
  let maxDepth = 0;
  let truncated = false;
  let i = xml.indexOf('<');

  while (i !== -1 && i < xml.length) {
    let next: number;
    if (xml.startsWith('<!--', i)) next = after(xml, '-->', i);
    else if (xml.startsWith('<![CDATA[', i)) next = after(xml, ']]>', i);
    else if (xml.startsWith('<?', i)) next = after(xml, '?>', i);
    else if (xml.startsWith('<!', i)) next = after(xml, '>', i);
    else if (xml.startsWith('</', i)) {
      stack.pop();
      next = after(xml, '>', i);
    } else {
      const end = tagEnd(xml, i);
      if (end === -1) break;
      const source = xml.slice(i, end + 1);
      const match = ID_ATTRIBUTE.exec(source);
      startIndex.set(i, tags.length);
      tags.push({ start: i, id: match ? match[1] ?? match[2] : undefined, parent: stack.at(-1) ?? -1 });
      const selfClosing = xml.charAt(end - 1) === '/';
      if (!selfClosing) stack.push(tags.length - 1);
      maxDepth = Math.max(maxDepth, stack.length + (selfClosing ? 1 : 0));
      if (maxDepth > depthLimit) {
        truncated = true;
        break;
      }
      next = end + 1;
    }
    if (next === -1) break;
    i = xml.indexOf('<', next);
  }

  let lineStarts: number[] | undefined;
  return {
    maxDepth,
    truncated,
    enclosingId(line, column) {
      lineStarts ??= computeLineStarts(xml);
      const offset = (lineStarts[line] ?? 0) + column;
      const index = startIndex.get(offset);
      if (index === undefined) return undefined;
      for (let parent = tags[index].parent; parent !== -1; parent = tags[parent].parent) {
        if (tags[parent].id) return tags[parent].id;
      }
      return undefined;
    },
  };
}

function after(xml: string, terminator: string, from: number): number {
  const at = xml.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

/** Index of the `>` closing the start tag at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote: string | undefined;
  for (let i = from + 1; i < xml.length; i++) {
    const char = xml.charAt(i);
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i;
  }
  return -1;
}

function computeLineStarts(xml: string): number[] {
  const starts = [0];
  for (let i = xml.indexOf('\n'); i !== -1; i = xml.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
