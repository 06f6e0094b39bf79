/**
 * Script task: evaluates its FEEL expression (`zeebe:script`) and stores the result in
 * `resultVariable`; written with `zeebe:taskDefinition` instead, it runs as a job like a
 * service task (workflows/jobs.ts).
 */
import { evaluateExpression } from '../feel';
import { runJob } from '../jobs';
import { complete, type Behaviour } from './types';

export const scriptTaskBehaviour: Behaviour<'scriptTask'> = {
  // Synchronous unless it is a job: a FEEL script finishes in the same step, as it always did (replays).
  run: (context) => {
    const { element } = context;
    if (element.job) return runJob(context, element.job).then((variables) => complete(element.outgoing, variables));
    const expression = element.expression.startsWith('=') ? element.expression.slice(1) : element.expression;
    const result = evaluateExpression(expression, context.scope(), context.runtime.feel);
    return complete(element.outgoing, { [element.resultVariable]: result });
  },
};
