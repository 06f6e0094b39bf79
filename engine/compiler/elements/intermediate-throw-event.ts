import type { IntermediateThrowEventElement } from '../../../workflows/model';
import { readEventTrigger } from '../event-triggers';
import { JOB_EXTENSIONS, readMessageEventJob } from '../job-definition';
import type { Transformer } from '../transformer';

/**
 * Intermediate throw event: none (passes through), signal (broadcast), escalation,
 * link (jumps to the catch event of the same name), compensation, or message (a job,
 * like a send task: `zeebe:taskDefinition` is required).
 */
export const intermediateThrowEvent: Transformer<'intermediateThrowEvent'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: JOB_EXTENSIONS,
  transform(element, common, context) {
    const { diagnostics } = context;
    const trigger = readEventTrigger(element, 'intermediateThrow', context);
    if (!trigger) return undefined;
    const model: IntermediateThrowEventElement = { kind: 'intermediateThrowEvent', ...common, trigger };
    if (!readMessageEventJob(diagnostics, element, model, trigger.type === 'message', 'message throw events')) return undefined;
    return model;
  },
};
