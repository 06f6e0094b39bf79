/**
 * Telling a DMN file from a BPMN diagram by its content: the namespace of the root
 * element, as Camunda does when a resource is deployed.
 */

/** DMN 1.3, the version Camunda Modeler writes. */
export const DMN13_NAMESPACE = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/** Earlier DMN versions whose decision tables read the same way (Camunda 8 accepts them too). */
export const OLDER_DMN_NAMESPACES = [
  'https://www.omg.org/spec/DMN/20180521/MODEL/',
  'http://www.omg.org/spec/DMN/20151101/dmn.xsd',
] as const;

const COMMENT_OR_DECLARATION = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>)/;
const ROOT_TAG = /^\s*<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/;

/** The namespace URI of the document's root element, or undefined when it cannot be read. */
export function rootNamespace(xml: string): string | undefined {
  let rest = xml.replace(/^\uFEFF/, '');
  for (let skipped = 0; skipped < 100; skipped++) {
    const match = COMMENT_OR_DECLARATION.exec(rest);
    if (!match) break;
    rest = rest.slice(match[0].length);
  }
  const root = ROOT_TAG.exec(rest);
  if (!root) return undefined;
  const prefix = root[1] ? root[1].slice(0, -1) : '';
  const attribute = new RegExp(`\\sxmlns${prefix ? `:${prefix.replace(/[.-]/g, '\\$&')}` : ''}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const declared = attribute.exec(root[3]);
  return declared ? (declared[1] ?? declared[2]) : undefined;
}

/** True when the document's root element is in a DMN namespace (any version). */
export function isDmnDocument(xml: string): boolean {
  const namespace = rootNamespace(xml);
  return namespace !== undefined && /omg\.org\/spec\/DMN\//i.test(namespace);
}
