/** The service-task handlers a diagram can name in `zeebe:taskDefinition type`. */
import { logHandler } from './log';
import { notifyHandler } from './notify';
import { publishMessageHandler } from './publish-message';
import { setVariablesHandler } from './set-variables';
import type { ServiceTaskHandler } from './types';

export type { ServiceTaskContext, ServiceTaskHandler } from './types';

export const serviceTaskHandlers: Record<string, ServiceTaskHandler> = {
  'qualflow:notify': notifyHandler,
  'qualflow:log': logHandler,
  'qualflow:set-variables': setVariablesHandler,
  'qualflow:publish-message': publishMessageHandler,
};
