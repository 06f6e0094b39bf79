/** Small builders for decision models in evaluator tests (no XML, no compiler). */
import type { CollectAggregation, DecisionModel, DecisionTableOutput, HitPolicy } from '../model';

/** A rule: input entries, then output entries (as FEEL text). */
export type RuleRow = [string[], string[]];

export function table(
  id: string,
  hitPolicy: HitPolicy,
  inputs: string[],
  outputs: (string | Partial<DecisionTableOutput>)[],
  rows: RuleRow[],
  options: { aggregation?: CollectAggregation; required?: DecisionModel[]; name?: string } = {},
): DecisionModel {
  return {
    id,
    name: options.name ?? id,
    logic: {
      kind: 'decisionTable',
      hitPolicy,
      ...(options.aggregation ? { aggregation: options.aggregation } : {}),
      inputs: inputs.map((expression, index) => ({ id: `input${index + 1}`, expression })),
      outputs: outputs.map((output, index) => (typeof output === 'string' ? { id: `output${index + 1}`, name: output } : { id: `output${index + 1}`, ...output })),
      rules: rows.map(([inputEntries, outputEntries], index) => ({ id: `rule${index + 1}`, inputEntries, outputEntries })),
    },
    required: options.required ?? [],
  };
}

export function literal(id: string, expression: string, options: { required?: DecisionModel[]; resultName?: string } = {}): DecisionModel {
  return {
    id,
    name: id,
    ...(options.resultName ? { resultName: options.resultName } : {}),
    logic: { kind: 'literalExpression', expression, variableName: options.resultName ?? id },
    required: options.required ?? [],
  };
}
