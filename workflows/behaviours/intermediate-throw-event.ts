/**
 * Intermediate throw event. None: passes through. Signal: broadcast (a regular activity,
 * so it may reach this very instance). Escalation: raised without leaving the element (a
 * non-interrupting catch lets the token go on; an interrupting one cancels it). Link:
 * the token jumps to the link catch event of the same name in the same scope. Message: a
 * job, like a send task. Compensation: runs the compensation handlers, then goes on.
 */
import { compensate } from '../compensation';
import { evaluateValue } from '../feel';
import { IncidentError } from '../incident-error';
import { runJob } from '../jobs';
import type { IntermediateThrowEventElement, ProcessModel } from '../model';
import { broadcastSignal } from '../signals';
import { complete, type Behaviour } from './types';

export const intermediateThrowEventBehaviour: Behaviour<'intermediateThrowEvent'> = {
  run: async (context) => {
    const { element, runtime } = context;
    const trigger = element.trigger;
    switch (trigger.type) {
      case 'none':
        return complete(element.outgoing);
      case 'signal':
        await broadcastSignal(context, trigger);
        return complete(element.outgoing);
      case 'escalation':
        await context.escalate(String(evaluateValue(trigger.escalationCode ?? '', context.scope(), context.runtime.feel) ?? ''));
        return complete(element.outgoing);
      case 'link':
        return { kind: 'leave', to: linkTarget(runtime.model, element, trigger.linkName), completed: true };
      case 'message':
        if (!element.job) throw new IncidentError(`The message throw event "${element.name}" has no job worker task definition`);
        return complete(element.outgoing, await runJob(context, element.job));
      case 'compensation':
        await compensate(context, trigger);
        return complete(element.outgoing);
      default:
        throw new IncidentError(`An intermediate throw event cannot throw a ${trigger.type} event ("${element.name}")`);
    }
  },
};

/**
 * The link catch event with `name` in the same scope as `thrower`.
 *
 * @throws IncidentError when there is none (the compiler should have said so).
 */
export function linkTarget(model: ProcessModel, thrower: IntermediateThrowEventElement, name: string): string {
  const target = Object.values(model.elements).find(
    (element) => element.kind === 'intermediateCatchEvent' && element.trigger.type === 'link' && element.trigger.linkName === name && element.parent === thrower.parent,
  );
  if (!target) throw new IncidentError(`The link "${name}" thrown by "${thrower.name}" has no link catch event of that name in the same scope`);
  return target.id;
}
