/**
 * Hit policies: how the rules that matched become a decision table's result. One output
 * gives its value, several give a context `{ name: value }`; COLLECT (without
 * aggregation), RULE ORDER and OUTPUT ORDER give a list of those.
 */
import { IncidentError } from '../incident-error';
import { ruleLabel } from './labels';
import type { DecisionRule, DecisionTable } from './model';

/** A rule that matched, with its evaluated output entries (one per output, in order). */
export interface MatchedRule {
  rule: DecisionRule;
  /** Its position in the table (0-based). */
  index: number;
  outputs: unknown[];
}

/**
 * Applies the table's hit policy to the matched rules (at least one).
 *
 * @throws IncidentError when UNIQUE matches several rules, ANY matches rules with different
 * outputs, or a SUM/MIN/MAX aggregation meets a value that is not a number.
 */
export function applyHitPolicy(subject: string, table: DecisionTable, matched: MatchedRule[]): unknown {
  const value = (hit: MatchedRule) => resultOf(table, hit);
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1) {
        throw new IncidentError(`${subject}: ${listRules(matched)} all match, but the hit policy UNIQUE allows only one rule to match`);
      }
      return value(matched[0]);
    case 'FIRST':
      return value(matched[0]);
    case 'ANY': {
      const distinct = new Set(matched.map((hit) => JSON.stringify(value(hit))));
      if (distinct.size > 1) {
        throw new IncidentError(`${subject}: ${listRules(matched)} match with different outputs, but the hit policy ANY needs them to agree`);
      }
      return value(matched[0]);
    }
    case 'PRIORITY':
      return value(byPriority(table, matched)[0]);
    case 'OUTPUT ORDER':
      return byPriority(table, matched).map(value);
    case 'RULE ORDER':
      return matched.map(value);
    case 'COLLECT':
      return collect(subject, table, matched);
  }
}

function collect(subject: string, table: DecisionTable, matched: MatchedRule[]): unknown {
  if (table.aggregation === undefined) return matched.map((hit) => resultOf(table, hit));
  if (table.aggregation === 'COUNT') return matched.length;
  const numbers = matched.map((hit) => {
    const output = hit.outputs[0];
    if (typeof output !== 'number') {
      throw new IncidentError(`${subject}: ${ruleLabel(hit.rule, hit.index)} gives ${JSON.stringify(output ?? null)}, but COLLECT ${table.aggregation} needs numbers`);
    }
    return output;
  });
  if (table.aggregation === 'SUM') return numbers.reduce((sum, n) => sum + n, 0);
  return table.aggregation === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
}

/** One output's value, or a context of every output by name. */
function resultOf(table: DecisionTable, hit: MatchedRule): unknown {
  if (table.outputs.length === 1) return hit.outputs[0];
  return Object.fromEntries(table.outputs.map((output, column) => [output.name ?? output.id, hit.outputs[column]]));
}

/**
 * Sorts matched rules by the outputs' `outputValues` order (earlier = higher priority),
 * output by output; values not listed come last. The sort is stable (rule order breaks ties).
 */
function byPriority(table: DecisionTable, matched: MatchedRule[]): MatchedRule[] {
  const ranks = (hit: MatchedRule) =>
    table.outputs.map((output, column) => {
      const order = output.outputValues ?? [];
      const position = order.indexOf(priorityKey(hit.outputs[column]));
      return position === -1 ? order.length : position;
    });
  const ranked = matched.map((hit) => ({ hit, rank: ranks(hit) }));
  ranked.sort((a, b) => {
    for (let column = 0; column < a.rank.length; column++) {
      if (a.rank[column] !== b.rank[column]) return a.rank[column] - b.rank[column];
    }
    return 0;
  });
  return ranked.map(({ hit }) => hit);
}

/** How an output value is compared with the entries of `outputValues` (already unquoted). */
function priorityKey(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

function listRules(matched: MatchedRule[]): string {
  const labels = matched.map((hit) => ruleLabel(hit.rule, hit.index));
  return labels.length === 2 ? `${labels[0]} and ${labels[1]}` : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
