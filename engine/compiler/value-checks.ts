import type { Diagnostics } from './diagnostics';
import { feelSyntaxError, isExpression, stripEquals } from './feel';
import { describe } from './labels';
import type { BpmnElement } from './types';

/** What a literal (non-`=`) value must look like, for values that allow literals. */
export interface LiteralRule {
  valid(value: string): boolean;
  /** Completes "it must be an expression (=...), or ...", e.g. `an ISO 8601 interval`. */
  expected: string;
}

/**
 * Checks a Zeebe value that is either `=FEEL` or a literal: the expression must parse,
 * the literal must satisfy `literal` when given. Reports on `element`.
 *
 * @returns true when the value is acceptable.
 */
export function checkValue(
  diagnostics: Diagnostics,
  element: BpmnElement,
  property: string,
  value: string,
  literal?: LiteralRule,
): boolean {
  if (isExpression(value)) return checkFeel(diagnostics, element, property, stripEquals(value));
  if (!literal || literal.valid(value)) return true;
  diagnostics.error(element, `${describe(element)} has ${property} "${value}"; it must be an expression (=...), or ${literal.expected}`);
  return false;
}

/** Checks FEEL text (without `=`) parses; reports on `element`. @returns true when it parses. */
export function checkFeel(diagnostics: Diagnostics, element: BpmnElement, property: string, expression: string): boolean {
  const problem = feelSyntaxError(expression);
  if (problem === undefined) return true;
  diagnostics.error(element, `${describe(element)} has an invalid FEEL expression in ${property}: ${problem}`);
  return false;
}

/** Checks a value that must be an expression (`=...`), as Zeebe requires for conditions and scripts. */
export function checkRequiredExpression(
  diagnostics: Diagnostics,
  element: BpmnElement,
  property: string,
  value: string,
): string | undefined {
  if (!isExpression(value)) {
    diagnostics.error(element, `${describe(element)} has ${property} "${value.trim()}", which must be a FEEL expression starting with "="`);
    return undefined;
  }
  const expression = stripEquals(value);
  return checkFeel(diagnostics, element, property, expression) ? expression : undefined;
}
