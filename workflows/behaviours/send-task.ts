/**
 * Send task: a job, exactly like a service task (workflows/jobs.ts): its handler (e.g.
 * `qualflow:publish-message`) runs with the element's retries; failures are incidents,
 * a handler's BPMN error is thrown for the diagram to catch.
 */
import { runJob } from '../jobs';
import { complete, type Behaviour } from './types';

export const sendTaskBehaviour: Behaviour<'sendTask'> = {
  run: async (context) => complete(context.element.outgoing, await runJob(context, context.element.job)),
};
