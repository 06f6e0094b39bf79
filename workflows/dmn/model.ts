/**
 * The compiled form of a DMN decision, evaluated inside the workflow with FEEL (pure,
 * deterministic). Produced from DMN XML by engine/dmn; shape refined by the DMN work.
 */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type CollectAggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionTableInput {
  id: string;
  label?: string;
  /** FEEL expression giving the input value. */
  expression: string;
  typeRef?: string;
}

export interface DecisionTableOutput {
  id: string;
  label?: string;
  /** The output name (a key in the result context when there are several outputs). */
  name?: string;
  typeRef?: string;
}

export interface DecisionRule {
  id: string;
  /** FEEL unary tests, one per input (`-` or empty matches anything). */
  inputEntries: string[];
  /** FEEL expressions, one per output. */
  outputEntries: string[];
}

export interface DecisionTable {
  kind: 'decisionTable';
  hitPolicy: HitPolicy;
  aggregation?: CollectAggregation;
  inputs: DecisionTableInput[];
  outputs: DecisionTableOutput[];
  rules: DecisionRule[];
}

export interface LiteralExpression {
  kind: 'literalExpression';
  expression: string;
  /** The variable name the result is known by (to requiring decisions). */
  variableName: string;
}

export interface DecisionModel {
  id: string;
  name: string;
  logic: DecisionTable | LiteralExpression;
  /** Decisions this one requires, evaluated first; their results are in scope by their ids/variable names. */
  required: DecisionModel[];
}
