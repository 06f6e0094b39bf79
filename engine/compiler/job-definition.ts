/**
 * `zeebe:taskDefinition` and `zeebe:taskHeaders` of an element that runs as a job (send
 * task, script task written as a job, message throw and end events): the handler type,
 * its retries and the headers handed to it.
 */
import type { JobDefinition } from '../../workflows/model';
import type { Diagnostics } from './diagnostics';
import { findExtension } from './extensions';
import { isExpression } from './feel';
import { describe } from './labels';
import { isWholeNumber } from './literals';
import { children, text } from './moddle-access';
import type { BpmnElement } from './types';
import { checkValue } from './value-checks';

const DEFAULT_RETRIES = 3;

/** The extension elements a job element reads. */
export const JOB_EXTENSIONS = ['zeebe:TaskDefinition', 'zeebe:TaskHeaders'] as const;

/**
 * Reads the element's job definition; reports a missing definition or type, bad retries
 * and bad headers on the element.
 *
 * @returns the job and its headers, or undefined when the element cannot run as a job.
 */
export function readJob(diagnostics: Diagnostics, element: BpmnElement): { job: JobDefinition; headers: Record<string, string> } | undefined {
  const definition = findExtension(element, 'zeebe:TaskDefinition');
  const headers = readJobHeaders(diagnostics, element);
  if (!definition) {
    diagnostics.error(element, `${describe(element)} must have a defined task definition type (zeebe:taskDefinition)`);
    return undefined;
  }
  const taskType = text(definition, 'type')?.trim();
  const retries = readRetries(diagnostics, element, text(definition, 'retries')?.trim());
  if (taskType === undefined) {
    diagnostics.error(element, `${describe(element)} must have a defined task definition type`);
    return undefined;
  }
  if (!checkValue(diagnostics, element, 'the task definition type', taskType) || retries === undefined) return undefined;
  return { job: { taskType, retries }, headers };
}

/** `retries` of a task definition: 3 when absent; a whole number otherwise (reported on the element). */
export function readRetries(diagnostics: Diagnostics, element: BpmnElement, retries: string | undefined): number | undefined {
  if (retries === undefined) return DEFAULT_RETRIES;
  if (isWholeNumber(retries)) return Number(retries);
  const why = isExpression(retries) ? 'expressions are not supported yet' : 'it must be a whole number';
  diagnostics.error(element, `${describe(element)} has retries "${retries}"; ${why}`);
  return undefined;
}

/** `zeebe:taskHeaders` as a record; reports headers without a key, repeated keys and bad `=` values. */
export function readJobHeaders(diagnostics: Diagnostics, element: BpmnElement): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of children(findExtension(element, 'zeebe:TaskHeaders'), 'values')) {
    const key = text(header, 'key')?.trim();
    if (key === undefined) {
      diagnostics.error(element, `${describe(element)} has a task header without a key`);
    } else if (key in headers) {
      diagnostics.error(element, `${describe(element)} with two or more task headers with the same key (${key}) is not supported`);
    } else {
      const value = text(header, 'value') ?? '';
      if (checkValue(diagnostics, element, `the task header "${key}"`, value)) headers[key] = value;
    }
  }
  return headers;
}

/**
 * A throw or end event runs as a job only when it throws a message: reads its job onto
 * `model` then, and otherwise warns that a task definition or headers are ignored
 * (`what` names the events that use them). Returns false when the job is invalid.
 */
export function readMessageEventJob(
  diagnostics: Diagnostics,
  element: BpmnElement,
  model: { job?: JobDefinition; headers?: Record<string, string> },
  throwsMessage: boolean,
  what: string,
): boolean {
  if (throwsMessage) {
    const read = readJob(diagnostics, element);
    if (!read) return false;
    model.job = read.job;
    model.headers = read.headers;
  } else if (findExtension(element, 'zeebe:TaskDefinition') || findExtension(element, 'zeebe:TaskHeaders')) {
    diagnostics.warn(element, `${describe(element)} has a job worker task definition or task headers, which only ${what} use; they are ignored`);
  }
  return true;
}
