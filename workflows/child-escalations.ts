/**
 * Escalations a child instance did not catch itself: the child signals its parent
 * (`childEscalationSignal`), and the call activity that started it raises the escalation
 * in the parent, as if it had thrown it (a boundary event on the call activity or an
 * event sub-process around it catches it; uncaught, it goes further up or does nothing).
 */
import { isCancellation, log, setHandler } from '@temporalio/workflow';
import type { ElementContext } from './behaviours/types';
import { childEscalationSignal } from './contract';
import type { InstanceRuntime } from './runtime';

/** Per instance: the call activities waiting for a child, by element instance id. */
const waiting = new WeakMap<InstanceRuntime, Map<string, ElementContext>>();

function waitingOf(runtime: InstanceRuntime): Map<string, ElementContext> {
  let calls = waiting.get(runtime);
  if (!calls) {
    calls = new Map();
    waiting.set(runtime, calls);
  }
  return calls;
}

/**
 * Lets the child of the context's call activity hand escalations to it, until the
 * returned function is called (when the call activity ends).
 */
export function acceptChildEscalations(context: ElementContext): () => void {
  const calls = waitingOf(context.runtime);
  const key = context.token.elementInstanceId;
  calls.set(key, context);
  return () => {
    if (calls.get(key) === context) calls.delete(key);
  };
}

/** Registers the `childEscalation` signal handler; escalations for a call activity that has ended are dropped. */
export function registerChildEscalations(runtime: InstanceRuntime): void {
  setHandler(childEscalationSignal, async (escalation) => {
    const context = waitingOf(runtime).get(escalation?.callElementInstanceId);
    if (!context || runtime.stopRequest || runtime.endedWith) {
      log.info('Escalation from a child instance arrived after its call activity ended; ignored', { escalation });
      return;
    }
    runtime.noteWait();
    try {
      await context.escalate(String(escalation.escalationCode), escalation.variables ?? {});
    } catch (error) {
      // An interrupting catch ends the call activity (and cancels the child): nothing to do here.
      if (!isCancellation(error)) log.warn('Escalation from a child instance could not be routed', { escalation, error: String(error) });
    }
  });
}
