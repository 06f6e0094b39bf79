import type { TriggerOfType } from '../../../workflows/model';
import type { Diagnostics } from '../diagnostics';
import { findExtension } from '../extensions';
import { describe, mention } from '../labels';
import { child, text } from '../moddle-access';
import type { Transformer } from '../transformer';
import type { BpmnElement } from '../types';
import { checkValue } from '../value-checks';

/**
 * Receive task: waits for the message it refers to (`messageRef`), correlated by the
 * message's `zeebe:subscription correlationKey`; the message's variables are merged.
 */
export const receiveTask: Transformer<'receiveTask'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: [],
  transform(element, common, { diagnostics, unresolved }) {
    const missing = unresolved.get(`${element.id}#messageRef`);
    if (missing !== undefined) {
      diagnostics.error(element, `${describe(element)} refers to the message "${missing}", which does not exist`);
      return undefined;
    }
    const message = readMessage(diagnostics, element, child(element, 'messageRef'));
    return message && { kind: 'receiveTask', ...common, message };
  },
};

/** The name and correlation key of the message an element waits for; both are required (as Zeebe requires for any message that is not a start). */
function readMessage(diagnostics: Diagnostics, element: BpmnElement, message: BpmnElement | undefined): TriggerOfType<'message'> | undefined {
  if (!message) {
    diagnostics.error(element, `${describe(element)} must have a defined message reference (messageRef)`);
    return undefined;
  }
  const messageName = text(message, 'name')?.trim();
  const correlationKey = text(findExtension(message, 'zeebe:Subscription'), 'correlationKey')?.trim();
  if (messageName === undefined) diagnostics.error(element, `${describe(element)} refers to ${mention(message)}, which must have a defined name`);
  if (correlationKey === undefined) {
    diagnostics.error(element, `${describe(element)} refers to ${mention(message)}, which must have a defined subscription correlation key (zeebe:subscription)`);
  }
  if (messageName === undefined || correlationKey === undefined) return undefined;
  const nameOk = checkValue(diagnostics, element, 'the message name', messageName);
  const keyOk = checkValue(diagnostics, element, 'the correlation key', correlationKey);
  return nameOk && keyOk ? { type: 'message', messageName, correlationKey } : undefined;
}
