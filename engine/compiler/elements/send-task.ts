import { JOB_EXTENSIONS, readJob } from '../job-definition';
import type { Transformer } from '../transformer';

/**
 * Send task: as in Camunda 8, a job (`zeebe:taskDefinition`) whose handler sends the
 * message (e.g. `qualflow:publish-message`), with headers and retries like a service task.
 */
export const sendTask: Transformer<'sendTask'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: JOB_EXTENSIONS,
  transform(element, common, { diagnostics }) {
    const read = readJob(diagnostics, element);
    return read && { kind: 'sendTask', ...common, job: read.job, headers: read.headers };
  },
};
