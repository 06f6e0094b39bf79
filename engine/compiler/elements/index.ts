import type { TransformerTable } from '../transformer';
import { boundaryEvent } from './boundary-event';
import { endEvent } from './end-event';
import { exclusiveGateway } from './exclusive-gateway';
import { parallelGateway } from './parallel-gateway';
import { scriptTask } from './script-task';
import { serviceTask } from './service-task';
import { startEvent } from './start-event';
import { userTask } from './user-task';

/** Every element kind's transformer. A kind added to the model without one here is a type error. */
export const TRANSFORMERS: TransformerTable = {
  startEvent,
  endEvent,
  userTask,
  serviceTask,
  scriptTask,
  exclusiveGateway,
  parallelGateway,
  boundaryEvent,
};
