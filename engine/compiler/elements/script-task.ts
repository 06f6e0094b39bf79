import { findExtension } from '../extensions';
import { VARIABLE_NAME_RULE } from '../io-mapping';
import { JOB_EXTENSIONS, readJob } from '../job-definition';
import { describe } from '../labels';
import { isVariableName } from '../literals';
import { text } from '../moddle-access';
import type { Transformer } from '../transformer';
import { checkRequiredExpression } from '../value-checks';

/**
 * Script task: evaluates a FEEL expression (`zeebe:script`) and stores the result in a
 * variable, or, with `zeebe:taskDefinition` instead, runs as a job like a service task.
 */
export const scriptTask: Transformer<'scriptTask'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: ['zeebe:Script', ...JOB_EXTENSIONS],
  transform(element, common, { diagnostics }) {
    const script = findExtension(element, 'zeebe:Script');
    const subject = describe(element);
    if (!script) {
      if (!findExtension(element, 'zeebe:TaskDefinition')) {
        diagnostics.error(element, `${subject} must have a defined implementation: a FEEL expression and a result variable (zeebe:script), or a job worker task definition (zeebe:taskDefinition)`);
        return undefined;
      }
      const read = readJob(diagnostics, element);
      return read && { kind: 'scriptTask', ...common, expression: '', resultVariable: '', job: read.job, headers: read.headers };
    }
    if (findExtension(element, 'zeebe:TaskDefinition')) {
      diagnostics.error(element, `${subject} has both a FEEL script (zeebe:script) and a job worker task definition (zeebe:taskDefinition); only one is allowed`);
    }
    const rawExpression = text(script, 'expression');
    const resultVariable = text(script, 'resultVariable')?.trim();
    if (rawExpression === undefined) diagnostics.error(element, `${subject} must have a defined FEEL expression`);
    const expression = rawExpression === undefined
      ? undefined
      : checkRequiredExpression(diagnostics, element, 'the script expression', rawExpression);
    if (resultVariable === undefined) {
      diagnostics.error(element, `${subject} must have a defined result variable`);
    } else if (!isVariableName(resultVariable)) {
      diagnostics.error(element, `${subject} has the result variable "${resultVariable}"; ${VARIABLE_NAME_RULE}`);
    }
    if (expression === undefined || resultVariable === undefined || !isVariableName(resultVariable)) return undefined;
    return { kind: 'scriptTask', ...common, expression, resultVariable };
  },
};
