import type { EndEventElement } from '../../../workflows/model';
import { readEventTrigger } from '../event-triggers';
import { JOB_EXTENSIONS, readMessageEventJob } from '../job-definition';
import type { Transformer } from '../transformer';

/**
 * End event: none (ends its token), terminate (ends every token of its scope), error,
 * escalation, signal, compensation, or message (a job, like a send task:
 * `zeebe:taskDefinition` is required).
 */
export const endEvent: Transformer<'endEvent'> = {
  ioMapping: 'outputs',
  extensions: JOB_EXTENSIONS,
  transform(element, common, context) {
    const { diagnostics } = context;
    const trigger = readEventTrigger(element, 'end', context);
    if (!trigger) return undefined;
    const model: EndEventElement = { kind: 'endEvent', ...common, terminate: trigger.type === 'terminate' };
    if (trigger.type !== 'none') model.trigger = trigger;
    if (!readMessageEventJob(diagnostics, element, model, trigger.type === 'message', 'message end events')) return undefined;
    return model;
  },
};
