import type { Transformer } from '../transformer';
import { innerScope } from './sub-process';

/**
 * Event sub-process (`triggeredByEvent="true"`): not connected by sequence flows; its
 * one start event (timer, message, signal, error, escalation or compensation; the start
 * event transformer checks the trigger) starts it while its parent scope runs.
 */
export const eventSubProcess: Transformer<'eventSubProcess'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: [],
  transform(element, common) {
    const { startEventId, eventSubProcesses } = innerScope(element);
    return startEventId === undefined ? undefined : { kind: 'eventSubProcess', ...common, startEventId, eventSubProcesses };
  },
};
