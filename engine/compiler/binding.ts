import type { Binding } from '../../workflows/model';
import type { Diagnostics } from './diagnostics';
import { describe } from './labels';
import { text } from './moddle-access';
import type { BpmnElement } from './types';

const BINDING_TYPES = ['latest', 'deployment', 'versionTag'] as const;

/**
 * Reads `bindingType` and `versionTag` of a Zeebe extension that calls something deployed
 * (`zeebe:calledElement`, `zeebe:calledDecision`): `latest` when absent, and `versionTag`
 * needs the tag. Reports on `element`; `what` names the called thing in messages
 * (`the called process`).
 *
 * @returns the binding, or undefined when it is invalid (the error says why).
 */
export function readBinding(diagnostics: Diagnostics, element: BpmnElement, extension: BpmnElement, what: string): Binding | undefined {
  const subject = describe(element);
  const type = text(extension, 'bindingType')?.trim() ?? 'latest';
  const versionTag = text(extension, 'versionTag')?.trim();
  if (!(BINDING_TYPES as readonly string[]).includes(type)) {
    diagnostics.error(element, `${subject} binds ${what} with the binding type "${type}"; it must be latest, deployment or versionTag`);
    return undefined;
  }
  if (type === 'versionTag') {
    if (versionTag === undefined) {
      diagnostics.error(element, `${subject} binds ${what} by version tag but has no version tag`);
      return undefined;
    }
    return { type: 'versionTag', versionTag };
  }
  if (versionTag !== undefined) {
    diagnostics.warn(element, `${subject} has the version tag "${versionTag}", which only counts with the binding type versionTag; it is ignored`);
  }
  return { type: type as 'latest' | 'deployment' };
}
