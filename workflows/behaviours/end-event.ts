/**
 * End event. A none end event consumes its token. A terminate end event stops every
 * other token of its scope: at process level the instance completes (as in Camunda) and
 * its open tasks are canceled; inside a sub-process only the sub-process ends. Error and
 * escalation end events throw (workflows/throw-routing.ts routes them); a signal end
 * event broadcasts; a message end event runs its job; a compensation end event runs the
 * compensation handlers first.
 */
import { compensate } from '../compensation';
import { evaluateValue } from '../feel';
import { runJob } from '../jobs';
import type { EventTrigger } from '../model';
import { broadcastSignal } from '../signals';
import { BpmnThrow } from '../thrown';
import { complete, type Behaviour } from './types';

export const endEventBehaviour: Behaviour<'endEvent'> = {
  run: async (context) => {
    const { element, runtime } = context;
    const trigger: EventTrigger = element.trigger ?? (element.terminate ? { type: 'terminate' } : { type: 'none' });
    const scope = context.scope();
    switch (trigger.type) {
      case 'terminate':
        if (!runtime.v2 || context.flowScope.kind === 'process') {
          runtime.stopRequest ??= { kind: 'terminate', elementId: element.id };
        } else {
          context.flowScope.interrupted = true;
          context.flowScope.flow.cancel();
        }
        return complete([]);
      case 'error':
        throw new BpmnThrow({
          kind: 'error',
          code: String(evaluateValue(trigger.errorCode ?? '', scope, runtime.feel) ?? ''),
          message: trigger.errorMessage === undefined ? undefined : String(evaluateValue(trigger.errorMessage, scope, runtime.feel) ?? ''),
        });
      case 'escalation':
        throw new BpmnThrow({ kind: 'escalation', code: String(evaluateValue(trigger.escalationCode ?? '', scope, runtime.feel) ?? '') });
      case 'signal':
        await broadcastSignal(context, trigger);
        return complete([]);
      case 'message':
        return complete([], element.job ? await runJob(context, element.job) : undefined);
      case 'compensation':
        await compensate(context, trigger);
        return complete([]);
      default:
        return complete([]);
    }
  },
};
