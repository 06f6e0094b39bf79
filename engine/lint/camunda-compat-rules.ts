import type { RuleFactory } from 'bpmnlint';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import adHocSubProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/ad-hoc-sub-process.js';
import agentFromaiContract from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-fromai-contract.js';
import agentToolDocumentation from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-tool-documentation.js';
import agentToolOutputKey from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-tool-output-key.js';
import calledElement from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/called-element.js';
import connectorProperties from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/connector-properties/index.js';
import duplicateExecutionListeners from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-execution-listeners.js';
import duplicateTaskHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-task-headers.js';
import elementType from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/element-type/index.js';
import errorReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/error-reference.js';
import escalationBoundaryEventAttachedToRef from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-boundary-event-attached-to-ref.js';
import escalationReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-reference.js';
import eventBasedGatewayTarget from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/event-based-gateway-target.js';
import executableProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/executable-process.js';
import executionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/execution-listener.js';
import feel from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel.js';
import feelCompatibility from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel-compatibility.js';
import implementation from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/implementation/index.js';
import ioMapping from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/io-mapping.js';
import linkEvent from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/link-event.js';
import loopCharacteristics from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/loop-characteristics.js';
import messageReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/message-reference.js';
import noBeforeAllExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-before-all-execution-listener.js';
import noBusinessId from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-business-id.js';
import noCancelExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-cancel-execution-listener.js';
import noExecutionListenerHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-execution-listener-headers.js';
import noExpression from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-expression.js';
import noInterruptingEventSubprocess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-interrupting-event-subprocess.js';
import noJobPriorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-job-priority-definition.js';
import noLoop from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-loop.js';
import noMultipleNoneStartEvents from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-multiple-none-start-events.js';
import priorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/priority-definition.js';
import secrets from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/secrets.js';
import sequenceFlowCondition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/sequence-flow-condition.js';
import signalReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/signal-reference.js';
import startEventForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/start-event-form.js';
import subscription from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/subscription.js';
import taskListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/task-listener.js';
import taskSchedule from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/task-schedule.js';
import timer from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/timer/index.js';
import userTaskDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-definition.js';
import userTaskForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-form.js';
import variableName from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/variable-name.js';
import versionTag from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/version-tag.js';
import waitForCompletion from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/wait-for-completion.js';
import zeebeUserTask from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/zeebe-user-task.js';

/**
 * The rules of `bpmnlint-plugin-camunda-compat`'s Camunda 8.8 configuration, imported one
 * by one so a bundler can ship them to the browser (the plugin names its rules by path,
 * which only Node's resolver can follow). `lint-rules.test.ts` checks the list is complete.
 */
export const CAMUNDA_COMPAT_RULES: Readonly<Record<string, RuleFactory>> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'agent-fromai-contract': agentFromaiContract,
  'agent-tool-documentation': agentToolDocumentation,
  'agent-tool-output-key': agentToolOutputKey,
  'called-element': calledElement,
  'connector-properties': connectorProperties,
  'duplicate-execution-listeners': duplicateExecutionListeners,
  'duplicate-task-headers': duplicateTaskHeaders,
  'element-type': elementType,
  'error-reference': errorReference,
  'escalation-boundary-event-attached-to-ref': escalationBoundaryEventAttachedToRef,
  'escalation-reference': escalationReference,
  'event-based-gateway-target': eventBasedGatewayTarget,
  'executable-process': executableProcess,
  'execution-listener': executionListener,
  'feel': feel,
  'feel-compatibility': feelCompatibility,
  'implementation': implementation,
  'io-mapping': ioMapping,
  'link-event': linkEvent,
  'loop-characteristics': loopCharacteristics,
  'message-reference': messageReference,
  'no-before-all-execution-listener': noBeforeAllExecutionListener,
  'no-business-id': noBusinessId,
  'no-cancel-execution-listener': noCancelExecutionListener,
  'no-execution-listener-headers': noExecutionListenerHeaders,
  'no-expression': noExpression,
  'no-interrupting-event-subprocess': noInterruptingEventSubprocess,
  'no-job-priority-definition': noJobPriorityDefinition,
  'no-loop': noLoop,
  'no-multiple-none-start-events': noMultipleNoneStartEvents,
  'priority-definition': priorityDefinition,
  'secrets': secrets,
  'sequence-flow-condition': sequenceFlowCondition,
  'signal-reference': signalReference,
  'start-event-form': startEventForm,
  'subscription': subscription,
  'task-listener': taskListener,
  'task-schedule': taskSchedule,
  'timer': timer,
  'user-task-definition': userTaskDefinition,
  'user-task-form': userTaskForm,
  'variable-name': variableName,
  'version-tag': versionTag,
  'wait-for-completion': waitForCompletion,
  'zeebe-user-task': zeebeUserTask,
};

/** The bpmnlint core rules the Camunda configuration uses. */
export const BPMNLINT_RULES: Readonly<Record<string, RuleFactory>> = {
  'start-event-required': startEventRequired,
};
