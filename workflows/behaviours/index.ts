/** Every element kind with its behaviour. A kind added to the model without one here does not compile. */
import { boundaryEventBehaviour } from './boundary-event';
import { endEventBehaviour } from './end-event';
import { exclusiveGatewayBehaviour } from './exclusive-gateway';
import { parallelGatewayBehaviour } from './parallel-gateway';
import { scriptTaskBehaviour } from './script-task';
import { serviceTaskBehaviour } from './service-task';
import { startEventBehaviour } from './start-event';
import type { BehaviourTable } from './types';
import { userTaskBehaviour } from './user-task';

export const behaviours: BehaviourTable = {
  startEvent: startEventBehaviour,
  endEvent: endEventBehaviour,
  userTask: userTaskBehaviour,
  serviceTask: serviceTaskBehaviour,
  scriptTask: scriptTaskBehaviour,
  exclusiveGateway: exclusiveGatewayBehaviour,
  parallelGateway: parallelGatewayBehaviour,
  boundaryEvent: boundaryEventBehaviour,
};
