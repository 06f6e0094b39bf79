import type { Diagnostics } from '../diagnostics';
import { findExtension } from '../extensions';
import { isExpression } from '../feel';
import { describe } from '../labels';
import { isWholeNumber } from '../literals';
import { children, text } from '../moddle-access';
import type { Transformer } from '../transformer';
import type { BpmnElement } from '../types';
import { checkValue } from '../value-checks';

const DEFAULT_RETRIES = 3;

/**
 * Service task: calls the handler registered under its `zeebe:taskDefinition` type
 * (e.g. `qualflow:notify`), with its headers as static configuration.
 */
export const serviceTask: Transformer<'serviceTask'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: ['zeebe:TaskDefinition', 'zeebe:TaskHeaders'],
  transform(element, common, { diagnostics }) {
    const definition = findExtension(element, 'zeebe:TaskDefinition');
    const taskType = text(definition, 'type')?.trim();
    const retries = readRetries(diagnostics, element, text(definition, 'retries')?.trim());
    const headers = readHeaders(diagnostics, element);
    if (taskType === undefined) {
      diagnostics.error(element, `${describe(element)} must have a defined task definition type`);
      return undefined;
    }
    if (!checkValue(diagnostics, element, 'the task definition type', taskType) || retries === undefined) return undefined;
    return { kind: 'serviceTask', ...common, taskType, retries, headers };
  },
};

function readRetries(diagnostics: Diagnostics, element: BpmnElement, retries: string | undefined): number | undefined {
  if (retries === undefined) return DEFAULT_RETRIES;
  if (isWholeNumber(retries)) return Number(retries);
  const why = isExpression(retries) ? 'expressions are not supported yet' : 'it must be a whole number';
  diagnostics.error(element, `${describe(element)} has retries "${retries}"; ${why}`);
  return undefined;
}

function readHeaders(diagnostics: Diagnostics, element: BpmnElement): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of children(findExtension(element, 'zeebe:TaskHeaders'), 'values')) {
    const key = text(header, 'key')?.trim();
    if (key === undefined) {
      diagnostics.error(element, `${describe(element)} has a task header without a key`);
    } else if (key in headers) {
      diagnostics.error(element, `${describe(element)} has two or more task headers with the same key (${key})`);
    } else {
      const value = text(header, 'value') ?? '';
      // The interpreter evaluates `=` header values, so they must be valid FEEL.
      if (checkValue(diagnostics, element, `the task header "${key}"`, value)) headers[key] = value;
    }
  }
  return headers;
}
