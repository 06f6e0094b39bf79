/**
 * Throwing a signal (intermediate signal throw, signal end event): the `broadcastSignal`
 * activity delivers it to every waiting signal catch and signal start. It runs as a
 * normal activity: it may deliver to this very instance, which must be free to accept.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { QualflowActivities } from '../activities/types';
import type { ElementContext } from './behaviours/types';
import { evaluateValue } from './feel';
import { IncidentError } from './incident-error';
import type { TriggerOfType } from './model';

const { broadcastSignal: broadcast } = proxyActivities<QualflowActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

/**
 * Broadcasts the element's signal with the element's visible variables... only those of
 * its input mappings (Zeebe passes the throw event's variables; none without mappings).
 *
 * @throws IncidentError when the signal name evaluates to nothing.
 */
export async function broadcastSignal(context: ElementContext, trigger: TriggerOfType<'signal'>): Promise<void> {
  const name = String(evaluateValue(trigger.signalName, context.scope(), context.runtime.feel) ?? '').trim();
  if (name === '') throw new IncidentError(`The signal of "${context.element.name}" has no name`);
  try {
    await broadcast({ name, variables: { ...context.local }, eventId: `${context.runtime.instanceId}:${context.token.elementInstanceId}` });
  } finally {
    context.runtime.noteWait();
  }
}
