/** The designer's "Try it" call: deploy the canvas to the caller's sandbox and start it. */
import { apiRequest } from '../api/client';
import type { Variables } from '../api/types';

export interface TryRunResult {
  instanceId: string;
  /** `sandbox--<user>--<key>`: the sandbox process the diagram was deployed as. */
  definitionKey: string;
  version: number;
}

/**
 * Deploys `xml` (process id `key`) to the sandbox and starts an instance with `variables`.
 * @throws ApiError; a 422's body is `{ error, errors: {elementId, message}[] }`.
 */
export const tryRun = (key: string, xml: string, variables?: Variables) =>
  apiRequest<TryRunResult>(`/api/definitions/${encodeURIComponent(key)}/try`, { body: { xml, variables } });
