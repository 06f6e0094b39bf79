/** How decisions and rules are named in incident messages. */
import type { DecisionModel, DecisionRule } from './model';

/** `Decision "Review level" (reviewLevel)`, for the start of a message. */
export function describeDecision(decision: Pick<DecisionModel, 'id' | 'name'>): string {
  return decision.name && decision.name !== decision.id ? `Decision "${decision.name}" (${decision.id})` : `Decision ${decision.id}`;
}

/** `rule 2 (Rule_big)`: the row number a process owner sees, and the element id. */
export function ruleLabel(rule: DecisionRule, index: number): string {
  return `rule ${index + 1} (${rule.id})`;
}

/** The message of an error, for wrapping it in a message with more context. */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
