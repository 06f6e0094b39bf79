import { businessRuleTask } from './business-rule-task';
import { sendTask } from './send-task';
import { receiveTask } from './receive-task';
import { manualTask } from './manual-task';
import { task } from './task';
import { inclusiveGateway } from './inclusive-gateway';
import { eventBasedGateway } from './event-based-gateway';
import { intermediateCatchEvent } from './intermediate-catch-event';
import { intermediateThrowEvent } from './intermediate-throw-event';
import { subProcess } from './sub-process';
import { eventSubProcess } from './event-sub-process';
import { callActivity } from './call-activity';
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
  businessRuleTask,
  sendTask,
  receiveTask,
  manualTask,
  task,
  inclusiveGateway,
  eventBasedGateway,
  intermediateCatchEvent,
  intermediateThrowEvent,
  subProcess,
  eventSubProcess,
  callActivity,
};
