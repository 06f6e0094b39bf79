/** The contract of a service-task handler: what `zeebe:taskDefinition type` names in a diagram. */
import type { Db } from '../../engine/db/client';
import type { Variables } from '../../workflows/contract';

export interface ServiceTaskContext {
  db: Db;
  instanceId: string;
  processKey: string;
  elementId: string;
  /** Unique per run of the element: use it to make writes idempotent (the handler may run twice). */
  elementInstanceId: string;
  /** `zeebe:taskHeaders`, with `=expr` values already evaluated by the interpreter. */
  headers: Record<string, string>;
  /** The process variables (with the element's input mappings). */
  variables: Variables;
  now(): Date;
}

/**
 * Runs a service task. Returns variables to merge into the instance, or nothing. Throwing
 * fails the attempt (retried up to the element's retries, then an incident); throw
 * `ApplicationFailure.nonRetryable` for a problem no retry can fix, and a {@link BpmnError}
 * for a business outcome the diagram handles (an error boundary event or event sub-process
 * with that code catches it; nothing is retried).
 */
export type ServiceTaskHandler = (context: ServiceTaskContext) => Promise<Variables | void>;

/** Splits a comma-separated header value into trimmed, non-empty, distinct items. */
export function headerList(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== ''))];
}

/** A business error the diagram handles (Camunda's "throw error" from a job worker). */
export class BpmnError extends Error {
  constructor(
    readonly code: string,
    message?: string,
    readonly variables?: Variables,
  ) {
    super(message ?? code);
    this.name = 'BpmnError';
  }
}
