import type { EndEventElement } from '../../../workflows/model';
import { readEventTrigger } from '../event-triggers';
import { findExtension } from '../extensions';
import { JOB_EXTENSIONS, readJob } from '../job-definition';
import { describe } from '../labels';
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
    if (trigger.type === 'message') {
      const read = readJob(diagnostics, element);
      if (!read) return undefined;
      model.job = read.job;
      model.headers = read.headers;
    } else if (findExtension(element, 'zeebe:TaskDefinition') || findExtension(element, 'zeebe:TaskHeaders')) {
      diagnostics.warn(element, `${describe(element)} has a job worker task definition or task headers, which only message end events use; they are ignored`);
    }
    return model;
  },
};
