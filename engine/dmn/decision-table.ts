/**
 * Decision tables: inputs (FEEL input expressions), outputs, rules (FEEL unary tests in,
 * FEEL expressions out) and the hit policy, each problem reported on the DMN element it
 * is about.
 */
import type { CollectAggregation, DecisionRule, DecisionTable, DecisionTableInput, DecisionTableOutput, HitPolicy } from '../../workflows/dmn/model';
import type { Diagnostics } from '../compiler/diagnostics';
import { feelSyntaxError } from '../compiler/feel';
import { child, children, text } from '../compiler/moddle-access';
import type { BpmnElement } from '../compiler/types';
import { DMN_LIMITS } from './limits';
import { unaryTestsSyntaxError } from './unary-tests';

const HIT_POLICIES: readonly HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: readonly CollectAggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

/**
 * Reads a `dmn:DecisionTable`. `subject` names the decision (`Decision "Dish" (dish)`).
 *
 * @returns the table, or undefined when it has errors (reported).
 */
export function readDecisionTable(diagnostics: Diagnostics, table: BpmnElement, subject: string): DecisionTable | undefined {
  const errorsBefore = diagnostics.errors.length;
  const on = (element: BpmnElement | undefined) => element?.id ?? table.id ?? subject;
  const hitPolicy = (text(table, 'hitPolicy')?.trim() ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) {
    diagnostics.error(on(table), `${subject} has the hit policy "${hitPolicy}", which is unknown; use ${HIT_POLICIES.join(', ')}`);
  }
  const aggregation = text(table, 'aggregation')?.trim() as CollectAggregation | undefined;
  if (aggregation !== undefined && !AGGREGATIONS.includes(aggregation)) {
    diagnostics.error(on(table), `${subject} has the aggregation "${aggregation}", which is unknown; use SUM, MIN, MAX or COUNT`);
  } else if (aggregation !== undefined && hitPolicy !== 'COLLECT') {
    diagnostics.error(on(table), `${subject} has the aggregation ${aggregation}, which only the hit policy COLLECT allows`);
  }

  const inputElements = children(table, 'input');
  const outputElements = children(table, 'output');
  const ruleElements = children(table, 'rule');
  if (inputElements.length > DMN_LIMITS.maxColumns || outputElements.length > DMN_LIMITS.maxColumns) {
    diagnostics.error(on(table), `${subject} has more than ${DMN_LIMITS.maxColumns} input or output columns, which is not accepted`);
    return undefined;
  }
  if (ruleElements.length > DMN_LIMITS.maxRules) {
    diagnostics.error(on(table), `${subject} has ${ruleElements.length} rules; at most ${DMN_LIMITS.maxRules} are accepted`);
    return undefined;
  }
  const inputs = inputElements.map((input, index) => readInput(diagnostics, input, index, subject));
  const outputs = readOutputs(diagnostics, outputElements, subject, on(table));
  if (outputs.length > 1 && aggregation !== undefined && hitPolicy === 'COLLECT') {
    diagnostics.error(on(table), `${subject} collects with ${aggregation} over ${outputs.length} outputs; an aggregation needs exactly one output`);
  }
  if ((hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') && !outputs.some((output) => output.outputValues?.length)) {
    diagnostics.warn(on(table), `${subject} has the hit policy ${hitPolicy} but no output lists its output values in priority order; matching rules keep their rule order`);
  }
  const rules = ruleElements.map((rule, index) => readRule(diagnostics, rule, index, subject, inputs.length, outputs.length));
  if (diagnostics.errors.length > errorsBefore) return undefined;
  return {
    kind: 'decisionTable',
    ...(table.id ? { id: table.id } : {}),
    hitPolicy,
    ...(aggregation ? { aggregation } : {}),
    inputs: inputs as DecisionTableInput[],
    outputs,
    rules,
  };
}

function readInput(diagnostics: Diagnostics, input: BpmnElement, index: number, subject: string): DecisionTableInput | undefined {
  const id = input.id ?? `input ${index + 1}`;
  const label = text(input, 'label');
  const named = `the input ${label ? `"${label}" ` : ''}(${id})`;
  const expressionElement = child(input, 'inputExpression');
  const expression = text(expressionElement, 'text')?.trim();
  if (expression === undefined) {
    diagnostics.error(input.id ?? subject, `${subject}: ${named} has no input expression; write the FEEL expression that gives the input value`);
    return undefined;
  }
  const problem = feelSyntaxError(expression);
  if (problem !== undefined) {
    diagnostics.error(expressionElement?.id ?? input.id ?? subject, `${subject}: the input expression "${expression}" of ${named} is not valid FEEL: ${problem}`);
    return undefined;
  }
  const typeRef = text(expressionElement, 'typeRef');
  return { id, ...(label ? { label } : {}), expression, ...(typeRef ? { typeRef } : {}) };
}

function readOutputs(diagnostics: Diagnostics, outputElements: BpmnElement[], subject: string, tableId: string): DecisionTableOutput[] {
  if (outputElements.length === 0) diagnostics.error(tableId, `${subject} has no output column; a decision table needs at least one`);
  const seen = new Set<string>();
  return outputElements.map((output, index) => {
    const id = output.id ?? `output ${index + 1}`;
    const name = text(output, 'name')?.trim();
    const label = text(output, 'label');
    if (outputElements.length > 1 && name === undefined) {
      diagnostics.error(output.id ?? tableId, `${subject}: the output ${label ? `"${label}" ` : ''}(${id}) has no output name; with several outputs each needs one`);
    } else if (name !== undefined && seen.has(name)) {
      diagnostics.error(output.id ?? tableId, `${subject} has two outputs named "${name}"; output names must be unique`);
    }
    if (name !== undefined) seen.add(name);
    const typeRef = text(output, 'typeRef');
    const outputValues = splitOutputValues(text(child(output, 'outputValues'), 'text'));
    const defaultElement = child(output, 'defaultOutputEntry');
    const defaultOutput = text(defaultElement, 'text')?.trim();
    const problem = defaultOutput === undefined ? undefined : feelSyntaxError(defaultOutput);
    if (problem !== undefined) {
      diagnostics.error(defaultElement?.id ?? output.id ?? tableId, `${subject}: the default output "${defaultOutput}" of the output (${id}) is not valid FEEL: ${problem}`);
    }
    return {
      id,
      ...(label ? { label } : {}),
      ...(name ? { name } : {}),
      ...(typeRef ? { typeRef } : {}),
      ...(outputValues.length ? { outputValues } : {}),
      ...(defaultOutput ? { defaultOutput } : {}),
    };
  });
}

function readRule(diagnostics: Diagnostics, rule: BpmnElement, index: number, subject: string, inputCount: number, outputCount: number): DecisionRule {
  const id = rule.id ?? `rule ${index + 1}`;
  const named = `rule ${index + 1} (${id})`;
  const inputEntries = children(rule, 'inputEntry');
  const outputEntries = children(rule, 'outputEntry');
  if (inputEntries.length !== inputCount || outputEntries.length !== outputCount) {
    diagnostics.error(rule.id ?? subject, `${subject}: ${named} has ${inputEntries.length} input and ${outputEntries.length} output entries; the table has ${inputCount} inputs and ${outputCount} outputs`);
  }
  const tests = inputEntries.map((entry) => {
    const test = text(entry, 'text')?.trim() ?? '';
    const problem = unaryTestsSyntaxError(test);
    if (problem !== undefined) diagnostics.error(entry.id ?? rule.id ?? subject, `${subject}: the input entry "${test}" of ${named} is not valid FEEL: ${problem}`);
    return test;
  });
  const results = outputEntries.map((entry) => {
    const expression = text(entry, 'text')?.trim() ?? '';
    const problem = expression === '' ? undefined : feelSyntaxError(expression);
    if (problem !== undefined) diagnostics.error(entry.id ?? rule.id ?? subject, `${subject}: the output entry "${expression}" of ${named} is not valid FEEL: ${problem}`);
    return expression;
  });
  return { id, inputEntries: tests, outputEntries: results };
}

/** `"high", "medium","low"` → `['high', 'medium', 'low']` (commas inside quotes kept). */
export function splitOutputValues(list: string | undefined): string[] {
  if (list === undefined) return [];
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of list) {
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      values.push(current.trim());
      current = '';
    } else current += char;
  }
  values.push(current.trim());
  return values.filter((value) => value !== '');
}
