/**
 * Service task: runs the handler registered for `zeebe:taskDefinition type` as a job
 * (workflows/jobs.ts): the element's retries, incidents for failures, BPMN errors thrown
 * for the diagram to catch.
 */
import { runJob } from '../jobs';
import { complete, type Behaviour } from './types';

export const serviceTaskBehaviour: Behaviour<'serviceTask'> = {
  run: async (context) => {
    const { element } = context;
    const variables = await runJob(context, { taskType: element.taskType, retries: element.retries });
    return complete(element.outgoing, variables);
  },
};
