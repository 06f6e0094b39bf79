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
  /** `outputValues` in the order written: the priority order of PRIORITY and OUTPUT ORDER (optional). */
  outputValues?: string[];
  /** `defaultOutputEntry`: a FEEL expression giving the value when no rule matches (optional). */
  defaultOutput?: string;
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
  /** The DMN element id of the table (optional, for messages). */
  id?: string;
  hitPolicy: HitPolicy;
  aggregation?: CollectAggregation;
  inputs: DecisionTableInput[];
  outputs: DecisionTableOutput[];
  rules: DecisionRule[];
}

export interface LiteralExpression {
  kind: 'literalExpression';
  /** The DMN element id of the expression (optional, for messages). */
  id?: string;
  expression: string;
  /** The variable name the result is known by (to requiring decisions). */
  variableName: string;
}

export interface DecisionModel {
  id: string;
  name: string;
  /** The name its result is known by in requiring decisions: its `variable` name, else its id (optional; the id when absent). */
  resultName?: string;
  logic: DecisionTable | LiteralExpression;
  /** Decisions this one requires (inlined), evaluated first; each result is in scope under its id and its result name. */
  required: DecisionModel[];
}
