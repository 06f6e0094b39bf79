import { readBinding } from '../binding';
import { findExtension } from '../extensions';
import { VARIABLE_NAME_RULE } from '../io-mapping';
import { describe } from '../labels';
import { isVariableName } from '../literals';
import { text } from '../moddle-access';
import type { Transformer } from '../transformer';
import { checkValue } from '../value-checks';
import { serviceTask } from './service-task';

/**
 * Business rule task: evaluates a deployed DMN decision (`zeebe:calledDecision` decisionId,
 * a literal or `=expr`, and resultVariable; the binding chooses the version), or, with
 * `zeebe:taskDefinition` instead, runs as a job exactly like a service task.
 */
export const businessRuleTask: Transformer<'businessRuleTask'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: ['zeebe:CalledDecision', 'zeebe:TaskDefinition', 'zeebe:TaskHeaders'],
  transform(element, common, context) {
    const { diagnostics } = context;
    const subject = describe(element);
    const called = findExtension(element, 'zeebe:CalledDecision');
    const job = findExtension(element, 'zeebe:TaskDefinition');
    if (called && job) {
      diagnostics.error(element, `${subject} has both a called decision (zeebe:calledDecision) and a task definition (zeebe:taskDefinition); it must have only one of them`);
      return undefined;
    }
    if (!called && !job) {
      diagnostics.error(element, `${subject} must have a defined implementation: a called decision (zeebe:calledDecision) or a task definition (zeebe:taskDefinition)`);
      return undefined;
    }
    if (job) {
      const asJob = serviceTask.transform(element, common, context);
      if (!asJob) return undefined;
      return { kind: 'businessRuleTask', ...common, job: { taskType: asJob.taskType, retries: asJob.retries }, headers: asJob.headers };
    }
    const decisionId = text(called, 'decisionId')?.trim();
    const resultVariable = text(called, 'resultVariable')?.trim();
    const binding = readBinding(diagnostics, element, called!, 'the called decision');
    let valid = binding !== undefined;
    if (decisionId === undefined) {
      diagnostics.error(element, `${subject} must have the id of the decision to evaluate (decisionId of zeebe:calledDecision)`);
      valid = false;
    } else if (!checkValue(diagnostics, element, 'the called decision id', decisionId)) {
      valid = false;
    }
    if (resultVariable === undefined) {
      diagnostics.error(element, `${subject} must have a result variable for the decision result (resultVariable of zeebe:calledDecision)`);
      valid = false;
    } else if (!isVariableName(resultVariable)) {
      diagnostics.error(element, `${subject} has the result variable "${resultVariable}"; ${VARIABLE_NAME_RULE}`);
      valid = false;
    }
    if (findExtension(element, 'zeebe:TaskHeaders')) {
      diagnostics.warn(element, `${subject} has task headers, which only a business rule task with a task definition (a job) uses; they are ignored`);
    }
    if (!valid) return undefined;
    return { kind: 'businessRuleTask', ...common, decision: { decisionId: decisionId!, resultVariable: resultVariable!, binding: binding! } };
  },
};
