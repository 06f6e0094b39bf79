/** Every element kind with its behaviour. A kind added to the model without one here does not compile. */
import { boundaryEventBehaviour } from './boundary-event';
import { endEventBehaviour } from './end-event';
import { exclusiveGatewayBehaviour } from './exclusive-gateway';
import { parallelGatewayBehaviour } from './parallel-gateway';
import { scriptTaskBehaviour } from './script-task';
import { serviceTaskBehaviour } from './service-task';
import { startEventBehaviour } from './start-event';
import { businessRuleTaskBehaviour } from './business-rule-task';
import { sendTaskBehaviour } from './send-task';
import { receiveTaskBehaviour } from './receive-task';
import { manualTaskBehaviour } from './manual-task';
import { taskBehaviour } from './task';
import { inclusiveGatewayBehaviour } from './inclusive-gateway';
import { eventBasedGatewayBehaviour } from './event-based-gateway';
import { intermediateCatchEventBehaviour } from './intermediate-catch-event';
import { intermediateThrowEventBehaviour } from './intermediate-throw-event';
import { subProcessBehaviour } from './sub-process';
import { eventSubProcessBehaviour } from './event-sub-process';
import { callActivityBehaviour } from './call-activity';
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
  businessRuleTask: businessRuleTaskBehaviour,
  sendTask: sendTaskBehaviour,
  receiveTask: receiveTaskBehaviour,
  manualTask: manualTaskBehaviour,
  task: taskBehaviour,
  inclusiveGateway: inclusiveGatewayBehaviour,
  eventBasedGateway: eventBasedGatewayBehaviour,
  intermediateCatchEvent: intermediateCatchEventBehaviour,
  intermediateThrowEvent: intermediateThrowEventBehaviour,
  subProcess: subProcessBehaviour,
  eventSubProcess: eventSubProcessBehaviour,
  callActivity: callActivityBehaviour,
};
