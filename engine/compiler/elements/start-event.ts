import type { StartEventElement } from '../../../workflows/model';
import { readEventTrigger, type EventUse } from '../event-triggers';
import { describe } from '../labels';
import { flag, isType } from '../moddle-access';
import type { Transformer } from '../transformer';
import type { BpmnElement } from '../types';

/**
 * Start event. At process level: none (started through the API), timer (date or cycle),
 * message or signal. In an embedded sub-process: none only. In an event sub-process:
 * timer, message, signal, error, escalation or compensation, interrupting or not
 * (`isInterrupting`; an error start is always interrupting).
 */
export const startEvent: Transformer<'startEvent'> = {
  ioMapping: 'outputs',
  extensions: [],
  transform(element, common, context) {
    const use = startUse(element);
    const interrupting = flag(element, 'isInterrupting') ?? true;
    const trigger = readEventTrigger(element, use, context, { interrupting });
    if (!trigger) return undefined;
    if (use === 'eventSubProcessStart' && !interrupting && trigger.type === 'error') {
      context.diagnostics.error(element, `${describe(element)} must be interrupting: an error start event always interrupts its scope`);
      return undefined;
    }
    const model: StartEventElement = { kind: 'startEvent', ...common };
    if (trigger.type !== 'none') model.trigger = trigger;
    if (use === 'eventSubProcessStart') model.interrupting = interrupting;
    return model;
  },
};

/** Where a start event sits decides what may start it. */
export function startUse(element: BpmnElement): EventUse {
  const parent = element.$parent;
  if (!parent || !isType(parent, 'bpmn:SubProcess')) return 'start';
  return flag(parent, 'triggeredByEvent') ? 'eventSubProcessStart' : 'subProcessStart';
}
