import { findExtension } from '../extensions';
import { readJobHeaders, readRetries } from '../job-definition';
import { describe } from '../labels';
import { text } from '../moddle-access';
import type { Transformer } from '../transformer';
import { checkValue } from '../value-checks';

/**
 * Service task: calls the handler registered under its `zeebe:taskDefinition` type
 * (e.g. `qualflow:notify`), with its headers as static configuration (`=` values are
 * evaluated by the interpreter, so they must be valid FEEL).
 */
export const serviceTask: Transformer<'serviceTask'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: ['zeebe:TaskDefinition', 'zeebe:TaskHeaders'],
  transform(element, common, { diagnostics }) {
    const definition = findExtension(element, 'zeebe:TaskDefinition');
    const taskType = text(definition, 'type')?.trim();
    const retries = readRetries(diagnostics, element, text(definition, 'retries')?.trim());
    const headers = readJobHeaders(diagnostics, element);
    if (taskType === undefined) {
      diagnostics.error(element, `${describe(element)} must have a defined task definition type`);
      return undefined;
    }
    if (!checkValue(diagnostics, element, 'the task definition type', taskType) || retries === undefined) return undefined;
    return { kind: 'serviceTask', ...common, taskType, retries, headers };
  },
};
