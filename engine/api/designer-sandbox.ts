/**
 * Sandbox keys for try-it runs: a diagram being tried is deployed as its own process,
 * `sandbox--<user>--<key>`, so trying never adds a version to the real process and
 * never shows in the normal process list.
 */

export const SANDBOX_PREFIX = 'sandbox--';

/** The sandbox key of `username` trying process `key` (a valid BPMN id: unsafe characters become `_`). */
export function sandboxKeyOf(username: string, key: string): string {
  return `${SANDBOX_PREFIX}${username.replace(/[^A-Za-z0-9_-]/g, '_')}--${key}`;
}

export function isSandboxKey(key: string): boolean {
  return key.startsWith(SANDBOX_PREFIX);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Renames process `from` to `to` in BPMN XML: its `id` and the references to it
 * (`bpmnElement` of the diagram plane, `processRef` of a participant). Ids are unique in
 * a document, so these attribute values name the process and nothing else. The caller
 * checks the compiled process id, since a diagram whose process is not `from` is left as is.
 */
export function renameProcess(xml: string, from: string, to: string): string {
  const reference = new RegExp(`(\\s(?:id|bpmnElement|processRef)\\s*=\\s*)(["'])${escapeRegExp(from)}\\2`, 'g');
  return xml.replace(reference, `$1$2${to}$2`);
}
