import type { IntermediateThrowEventElement } from '../../../workflows/model';
import { readEventTrigger } from '../event-triggers';
import { findExtension } from '../extensions';
import { JOB_EXTENSIONS, readJob } from '../job-definition';
import { describe } from '../labels';
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
    if (trigger.type === 'message') {
      const read = readJob(diagnostics, element);
      if (!read) return undefined;
      model.job = read.job;
      model.headers = read.headers;
    } else if (findExtension(element, 'zeebe:TaskDefinition') || findExtension(element, 'zeebe:TaskHeaders')) {
      diagnostics.warn(element, `${describe(element)} has a job worker task definition or task headers, which only message throw events use; they are ignored`);
    }
    return model;
  },
};
