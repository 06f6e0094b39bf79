import type { BoundaryEventElement } from '../../../workflows/model';
import { readEventTrigger } from '../event-triggers';
import { isActivity } from '../markers';
import { describe, mention } from '../labels';
import { child, flag } from '../moddle-access';
import type { Transformer } from '../transformer';
import type { BpmnElement } from '../types';

/** Activities an escalation can come out of: a task never throws one (a job worker can only throw errors). */
const CATCHES_ESCALATIONS = new Set(['bpmn:SubProcess', 'bpmn:CallActivity']);

/**
 * Boundary event on any activity (tasks, sub-processes, call activities): timer
 * (duration, date; cycle only non-interrupting), message, signal, error (interrupting
 * only), escalation or compensation. Interrupting (`cancelActivity`, default true)
 * cancels the activity; non-interrupting spawns a token and leaves it running.
 */
export const boundaryEvent: Transformer<'boundaryEvent'> = {
  ioMapping: 'outputs',
  extensions: [],
  transform(element, common, context) {
    const { diagnostics } = context;
    const subject = describe(element);
    const cancelActivity = flag(element, 'cancelActivity') ?? true;
    const trigger = readEventTrigger(element, 'boundary', context, { interrupting: cancelActivity });
    const host = readHost(element, context);
    if (!trigger || !host) return undefined;
    if (trigger.type === 'error' && !cancelActivity) {
      diagnostics.error(element, `${subject} must be interrupting: an error boundary event always cancels the activity`);
      return undefined;
    }
    if (trigger.type === 'escalation' && !CATCHES_ESCALATIONS.has(host.$type)) {
      diagnostics.error(element, `${subject} is not allowed on ${mention(host)}; only a sub-process or call activity can pass an escalation to its boundary`);
      return undefined;
    }
    const model: BoundaryEventElement = { kind: 'boundaryEvent', ...common, attachedTo: host.id!, cancelActivity, trigger };
    if (trigger.type === 'compensation') model.cancelActivity = true;
    // Models compiled before `trigger` existed read a duration timer from `timer`.
    if (trigger.type === 'timer' && trigger.timer.duration !== undefined) model.timer = { duration: trigger.timer.duration };
    return model;
  },
};

/** The activity the event is attached to, in the same scope; reports a missing or wrong host. */
function readHost(element: BpmnElement, { diagnostics, unresolved, graph }: Parameters<Transformer<'boundaryEvent'>['transform']>[2]): BpmnElement | undefined {
  const subject = describe(element);
  const host = child(element, 'attachedToRef');
  const missingHost = unresolved.get(`${element.id}#attachedToRef`);
  if (missingHost !== undefined) {
    diagnostics.error(element, `${subject} is attached to "${missingHost}", which does not exist`);
    return undefined;
  }
  if (!host) {
    diagnostics.error(element, `${subject} is not attached to any activity`);
    return undefined;
  }
  if (!graph.nodes.includes(host) || host.$parent !== element.$parent) {
    diagnostics.error(element, `${subject} is attached to ${mention(host)}, which is not an activity of the same process or sub-process`);
    return undefined;
  }
  if (!isActivity(host)) {
    diagnostics.error(element, `${subject} is attached to ${mention(host)}; a boundary event can only be attached to a task, sub-process or call activity`);
    return undefined;
  }
  return host;
}
