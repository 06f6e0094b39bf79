/**
 * A business problem at run time (a FEEL expression that fails, no flow that matches, a
 * handler that is missing or keeps failing). The engine turns it into an incident on the
 * element being executed; the token waits there until the incident is retried.
 */
export class IncidentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncidentError';
  }
}

/** The failure type `runServiceTask` raises when no handler is registered for a task type (never retried). */
export const HANDLER_NOT_FOUND = 'HandlerNotFound';
