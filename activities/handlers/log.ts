/** `qualflow:log`: writes the `message` header (or the task's headers) to the worker log. For diagrams under construction. */
import type { ServiceTaskHandler } from './types';

export const logHandler: ServiceTaskHandler = async ({ instanceId, elementId, headers }) => {
  console.log(`[qualflow:log] ${instanceId} ${elementId}: ${headers.message ?? JSON.stringify(headers)}`);
};
