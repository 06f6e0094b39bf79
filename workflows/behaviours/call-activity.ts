/**
 * Call activity: starts an instance of another deployed process as a child workflow and
 * waits for it (Camunda 8). The called process id is evaluated, its version chosen by the
 * binding (`resolveProcess`), and the child starts at its none start event with the
 * caller's variables (all of them, or only the input mappings'). When the child completes,
 * its variables come back (all of them, or only through the output mappings). A child
 * that ends with an uncaught BPMN error throws it here, so a boundary event on the call
 * activity can catch it; its uncaught escalations arrive as a signal (child-escalations.ts).
 *
 * The child is cancelled with the call activity: an interrupting boundary event, a
 * terminate end event or canceling the caller stops it and closes its open tasks, and
 * closing the caller's workflow by other means asks the child to cancel too.
 */
import {
  CancellationScope,
  CancelledFailure,
  ChildWorkflowCancellationType,
  executeChild,
  log,
  ParentClosePolicy,
  workflowInfo,
} from '@temporalio/workflow';
import type { ResolvedProcess } from '../../activities/types';
import { acceptChildEscalations } from '../child-escalations';
import { PROCESS_WORKFLOW, type InstanceState, type ProcessInput, type Variables } from '../contract';
import { effectWithResult } from '../effects';
import { evaluateValue, type FeelOptions } from '../feel';
import { IncidentError } from '../incident-error';
import type { Binding, CallActivityElement } from '../model';
import { BpmnThrow } from '../thrown';
import { catchableErrors } from '../throw-routing';
import { complete, type Behaviour, type ElementContext } from './types';

export const callActivityBehaviour: Behaviour<'callActivity'> = {
  async run(context) {
    const { runtime, element } = context;
    const processId = calledProcessId(element, context.scope(), context.runtime.feel);
    const called = await effectWithResult(runtime, 'resolveProcess', { processId, binding: element.binding, definitionId: runtime.input.definitionId });
    if (!called) throw new IncidentError(`No process with id "${processId}" is deployed${bindingWords(element.binding)}`);
    if (called.note) log.warn(called.note, { instanceId: runtime.instanceId, elementId: element.id });
    if (!called.model.startEventId) {
      throw new IncidentError(`The called process "${processId}" (version ${called.version}) has no none start event to start at`);
    }
    const result = await runChild(context, childInput(context, called));
    if (result.thrown?.kind === 'error') throw new BpmnThrow(result.thrown);
    if (result.status !== 'completed') {
      throw new IncidentError(`The called instance of "${processId}" was ${result.status} instead of completing`);
    }
    return complete(element.outgoing, returnedVariables(element, result.variables));
  },
};

/** The evaluated `processId`. @throws IncidentError when it is not a non-empty string. */
function calledProcessId(element: CallActivityElement, scope: Variables, feel: FeelOptions): string {
  const value = evaluateValue(element.processId, scope, feel);
  if (typeof value !== 'string' || value.trim() === '') {
    const shown = value === null || value === undefined ? 'null' : JSON.stringify(value);
    throw new IncidentError(`The called process id of "${element.name}" (${element.processId}) evaluated to ${shown}, not a process id`);
  }
  return value.trim();
}

function bindingWords(binding: Binding): string {
  if (binding.type === 'versionTag') return ` with the version tag "${binding.versionTag}"`;
  if (binding.type === 'deployment') return ' in the deployment of the calling process';
  return '';
}

function childInput(context: ElementContext<CallActivityElement>, called: ResolvedProcess): ProcessInput {
  const { runtime, element, token } = context;
  return {
    // The child's instance (and workflow) id: deterministic, so a replay starts the same child.
    instanceId: token.elementInstanceId,
    definitionId: called.definitionId,
    processKey: called.processKey,
    version: called.version,
    businessKey: runtime.input.businessKey,
    model: called.model,
    variables: element.propagateAllParentVariables ? context.scope() : { ...context.local },
    startedBy: runtime.input.startedBy,
    parent: {
      instanceId: runtime.instanceId,
      elementId: element.id,
      elementInstanceId: token.elementInstanceId,
      catchesErrors: catchableErrors(runtime, { element, token, scope: context.flowScope }),
    },
  };
}

/**
 * Runs the child to its end. Cancelling the call activity's scope cancels the child and
 * waits until it has closed its tasks; the call activity then ends as cancelled too.
 */
async function runChild(context: ElementContext<CallActivityElement>, input: ProcessInput): Promise<InstanceState> {
  const stopAccepting = acceptChildEscalations(context);
  try {
    const result = await executeChild<(input: ProcessInput) => Promise<InstanceState>>(PROCESS_WORKFLOW, {
      workflowId: input.instanceId,
      taskQueue: workflowInfo().taskQueue,
      args: [input],
      cancellationType: ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED,
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    });
    // A child that handles its cancellation ends normally (as canceled): the call activity still ends as cancelled.
    if (CancellationScope.current().consideredCancelled) throw new CancelledFailure('The call activity was cancelled');
    return result;
  } finally {
    stopAccepting();
    context.runtime.noteWait();
  }
}

/** All the child's variables, or — without propagation — only what the output mappings read (they alone propagate). */
function returnedVariables(element: CallActivityElement, childVariables: Variables): Variables {
  if (element.propagateAllChildVariables) return childVariables;
  return element.outputs.length > 0 ? childVariables : {};
}
