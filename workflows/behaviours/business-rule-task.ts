/**
 * Business rule task: finds the deployed decision its `zeebe:calledDecision` names (the
 * binding chooses the version; a local activity reads it), evaluates it here in the
 * workflow and stores the result in the result variable. A missing decision or a failing
 * evaluation is an incident on the task; retrying looks the decision up again (it may
 * have been deployed meanwhile). With `zeebe:taskDefinition` it runs as a job instead.
 */
import type { FoundDecision } from '../../activities/types';
import { evaluateDecision } from '../dmn/evaluate';
import { effectWithResult } from '../effects';
import { evaluateValue } from '../feel';
import { IncidentError } from '../incident-error';
import { runJob } from '../jobs';
import type { Binding, BusinessRuleTaskElement } from '../model';
import { complete, type Behaviour, type ElementContext } from './types';

export const businessRuleTaskBehaviour: Behaviour<'businessRuleTask'> = {
  run: async (context) => {
    const { element } = context;
    if (element.job) return complete(element.outgoing, await runJob(context, element.job));
    const called = element.decision;
    if (!called) throw new IncidentError(`Business rule task "${element.name}" has neither a called decision nor a job`);
    const result = await context.attempt(() => evaluateCalledDecision(context, called));
    return complete(element.outgoing, { [called.resultVariable]: result });
  },
};

type CalledDecision = NonNullable<BusinessRuleTaskElement['decision']>;

async function evaluateCalledDecision(context: ElementContext<BusinessRuleTaskElement>, called: CalledDecision): Promise<unknown> {
  const { runtime, element } = context;
  const scope = context.scope();
  const decisionId = String(evaluateValue(called.decisionId, scope, context.runtime.feel) ?? '').trim();
  if (decisionId === '') throw new IncidentError(`Business rule task "${element.name}": the decision id "${called.decisionId}" gave no id`);
  const found: FoundDecision | null = await effectWithResult(runtime, 'findDecision', {
    decisionId,
    binding: called.binding,
    definitionId: runtime.input.definitionId,
  });
  if (!found) {
    throw new IncidentError(`Business rule task "${element.name}": no decision "${decisionId}" is deployed${bindingWords(called.binding)}; deploy it, then retry`);
  }
  return evaluateDecision(found.decision, scope, context.runtime.feel);
}

function bindingWords(binding: Binding): string {
  if (binding.type === 'deployment') return ' in the deployment of this process';
  if (binding.type === 'versionTag') return ` with the version tag "${binding.versionTag}"`;
  return '';
}
