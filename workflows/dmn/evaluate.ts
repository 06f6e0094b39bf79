/**
 * DMN evaluation inside the workflow (pure, deterministic): a decision's required
 * decisions first, then its own logic (a decision table or a literal expression), with
 * FEEL as Camunda 8 evaluates it. Every problem is an {@link IncidentError} naming the
 * decision (and the rule, when one is at fault).
 */
import type { Variables } from '../contract';
import { evaluateExpression, type FeelOptions } from '../feel';
import { IncidentError } from '../incident-error';
import type { DecisionModel } from './model';
import { describeDecision, reason } from './labels';
import { evaluateTable } from './table';

/**
 * Evaluates `decision` over `variables` and returns its result: for a decision table,
 * one output's value or a context of several outputs (a list of them for COLLECT, RULE
 * ORDER and OUTPUT ORDER), null when no rule matches; for a literal expression, its value.
 * Each required decision is evaluated once, before the decisions that need it, and its
 * result is in scope under its id (and its variable name, when it has one).
 *
 * @throws IncidentError when an expression fails or the hit policy is violated.
 */
export function evaluateDecision(decision: DecisionModel, variables: Variables, options: FeelOptions = {}): unknown {
  return evaluateWithRequired(decision, variables, options, new Map(), []);
}

function evaluateWithRequired(
  decision: DecisionModel,
  variables: Variables,
  options: FeelOptions,
  results: Map<string, unknown>,
  path: string[],
): unknown {
  if (path.includes(decision.id)) {
    throw new IncidentError(`${describeDecision(decision)} requires itself (${[...path, decision.id].join(' → ')})`);
  }
  const scope: Variables = { ...variables };
  for (const required of decision.required) {
    if (!results.has(required.id)) {
      results.set(required.id, evaluateWithRequired(required, variables, options, results, [...path, decision.id]));
    }
    const result = results.get(required.id);
    scope[required.id] = result;
    if (required.resultName) scope[required.resultName] = result;
  }
  const { logic } = decision;
  if (logic.kind === 'decisionTable') return evaluateTable(decision, logic, scope, options);
  try {
    return logic.expression.trim() === '' ? null : evaluateExpression(logic.expression, scope, options);
  } catch (error) {
    throw new IncidentError(`${describeDecision(decision)}: ${reason(error)}`);
  }
}
