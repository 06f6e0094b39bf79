import { findExtension } from '../extensions';
import { VARIABLE_NAME_RULE } from '../io-mapping';
import { describe } from '../labels';
import { isVariableName } from '../literals';
import { text } from '../moddle-access';
import type { Transformer } from '../transformer';
import { checkRequiredExpression } from '../value-checks';

/** Script task: evaluates a FEEL expression (`zeebe:script`) and stores the result in a variable. */
export const scriptTask: Transformer<'scriptTask'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: ['zeebe:Script'],
  transform(element, common, { diagnostics }) {
    const script = findExtension(element, 'zeebe:Script');
    if (!script) {
      // A job-worker script task (zeebe:taskDefinition) is reported as not supported by the extension check.
      if (!findExtension(element, 'zeebe:TaskDefinition')) {
        diagnostics.error(element, `${describe(element)} must have a defined implementation: a FEEL expression and a result variable`);
      }
      return undefined;
    }
    const subject = describe(element);
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
