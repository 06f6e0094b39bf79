/**
 * Decision tables: input expressions (FEEL), input entries (FEEL unary tests against the
 * input value `?`; `-` or empty matches anything), output entries (FEEL), and the hit
 * policy that turns the matched rules into the result, as Camunda 8's DMN engine does.
 */
import { evaluate, SyntaxError as FeelSyntaxError, unaryTest } from 'feelin';
import type { Variables } from '../contract';
import { evaluateExpression, FEEL_DIALECT, type FeelOptions } from '../feel';
import { feelFunctions } from '../feel-functions';
import { IncidentError } from '../incident-error';
import { describeDecision, reason, ruleLabel } from './labels';
import { applyHitPolicy, type MatchedRule } from './hit-policy';
import type { DecisionModel, DecisionRule, DecisionTable } from './model';

/**
 * Evaluates `table` (the logic of `decision`) over `scope`.
 *
 * @throws IncidentError when an input, entry or output fails, or the hit policy is violated.
 */
export function evaluateTable(decision: DecisionModel, table: DecisionTable, scope: Variables, options: FeelOptions): unknown {
  const subject = describeDecision(decision);
  const functions = feelFunctions(options.calendar);
  // Input values stay FEEL values (a date stays a date), so the tests compare them as FEEL does.
  const inputValues = table.inputs.map((input) => {
    try {
      return evaluate(input.expression, { ...functions, ...scope }, FEEL_DIALECT).value;
    } catch (error) {
      const why = error instanceof FeelSyntaxError ? `is not valid FEEL: ${error.message}` : `failed: ${reason(error)}`;
      throw new IncidentError(`${subject}: the input expression "${input.expression}" of the input "${input.label ?? input.id}" (${input.id}) ${why}`);
    }
  });
  const matched: MatchedRule[] = [];
  for (const [index, rule] of table.rules.entries()) {
    if (!ruleMatches(subject, rule, index, inputValues, { ...functions, ...scope })) continue;
    matched.push({ rule, index, outputs: evaluateOutputs(subject, table, rule, index, scope, options) });
  }
  if (matched.length === 0) return defaultResult(subject, table, scope, options);
  return applyHitPolicy(subject, table, matched);
}

function ruleMatches(subject: string, rule: DecisionRule, index: number, inputValues: unknown[], context: Variables): boolean {
  return rule.inputEntries.every((entry, column) => {
    const test = entry.trim();
    if (test === '' || test === '-') return true;
    let value: unknown;
    try {
      value = unaryTest(test, { ...context, '?': inputValues[column] }, FEEL_DIALECT).value;
    } catch (error) {
      const why = error instanceof FeelSyntaxError ? `is not valid FEEL: ${error.message}` : `failed: ${reason(error)}`;
      throw new IncidentError(`${subject}: the input entry "${test}" of ${ruleLabel(rule, index)} ${why}`);
    }
    if (value === true) return true;
    if (value === false || value === null || value === undefined) return false;
    throw new IncidentError(`${subject}: the input entry "${test}" of ${ruleLabel(rule, index)} gave ${JSON.stringify(value)}; it must give true, false or null`);
  });
}

function evaluateOutputs(subject: string, table: DecisionTable, rule: DecisionRule, index: number, scope: Variables, options: FeelOptions): unknown[] {
  return table.outputs.map((output, column) => {
    const expression = (rule.outputEntries[column] ?? '').trim();
    if (expression === '') return null;
    try {
      return evaluateExpression(expression, scope, options);
    } catch (error) {
      throw new IncidentError(`${subject}: the output "${output.name ?? output.label ?? output.id}" of ${ruleLabel(rule, index)} failed: ${reason(error)}`);
    }
  });
}

/** No rule matched: the outputs' default entries, or null when there are none. */
function defaultResult(subject: string, table: DecisionTable, scope: Variables, options: FeelOptions): unknown {
  const defaults: Record<string, unknown> = {};
  for (const output of table.outputs) {
    if (output.defaultOutput === undefined) continue;
    try {
      defaults[output.name ?? output.id] = evaluateExpression(output.defaultOutput, scope, options);
    } catch (error) {
      throw new IncidentError(`${subject}: the default output of "${output.name ?? output.id}" failed: ${reason(error)}`);
    }
  }
  const values = Object.values(defaults);
  if (values.length === 0) return null;
  return values.length === 1 ? values[0] : defaults;
}
