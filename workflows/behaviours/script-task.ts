/** Script task (`zeebe:script`): evaluates a FEEL expression and stores the result in `resultVariable`. */
import { evaluateExpression } from '../feel';
import { complete, type Behaviour } from './types';

export const scriptTaskBehaviour: Behaviour<'scriptTask'> = {
  run: (context) => {
    const { element } = context;
    const expression = element.expression.startsWith('=') ? element.expression.slice(1) : element.expression;
    const result = evaluateExpression(expression, context.scope());
    return complete(element.outgoing, { [element.resultVariable]: result });
  },
};
