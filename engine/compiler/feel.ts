import { parseExpression } from 'feelin';
import { FEEL_DIALECT } from '../../workflows/feel';
import { EXTENSION_FUNCTION_NAMES } from '../../workflows/feel-functions';

/**
 * FEEL syntax checks at compile time. Expressions are only parsed, never evaluated, so
 * nothing a diagram contains runs on the server while it is compiled. They are parsed as
 * the interpreter evaluates them: Camunda's dialect, with the names of the extension
 * functions known, so names holding keywords (`get or else`, `business days between`) parse.
 */
const knownNames: Record<string, null> = Object.fromEntries(EXTENSION_FUNCTION_NAMES.map((name) => [name, null]));

/** The syntax problem in a FEEL expression (without its leading `=`), or undefined when it parses. */
export function feelSyntaxError(expression: string): string | undefined {
  if (expression.trim() === '') return 'the expression is empty';
  let problem: string | undefined;
  parseExpression(expression, knownNames, FEEL_DIALECT).iterate({
    enter(node) {
      if (problem !== undefined) return false;
      if (!node.type.isError) return undefined;
      const parent = node.node.parent?.name ?? 'Expression';
      problem = node.from === node.to
        ? incomplete(expression, node.from, parent)
        : `unexpected "${expression.slice(node.from, node.to)}" at character ${node.from + 1}`;
      return false;
    },
  });
  return problem;
}

/** True when a Zeebe value is an expression (`=...`) rather than a literal. */
export function isExpression(value: string): boolean {
  return value.trimStart().startsWith('=');
}

/** The FEEL text of a `=...` value. */
export function stripEquals(value: string): string {
  return value.trimStart().slice(1).trim();
}

function incomplete(expression: string, at: number, parent: string): string {
  const what = words(parent);
  return at >= expression.trimEnd().length
    ? `the ${what} is incomplete at the end`
    : `the ${what} is incomplete at character ${at + 1}`;
}

/** Grammar node names in the words of someone writing the expression. */
const NODE_WORDS: Record<string, string> = {
  ArithmeticExpression: 'calculation',
  Conjunction: '"and"',
  Disjunction: '"or"',
  DateTimeLiteral: 'date, time or duration',
  FunctionInvocation: 'function call',
  NamedParameter: 'function call',
  NamedParameters: 'function call',
  PositionalParameters: 'function call',
  Interval: 'list or range',
  PathExpression: 'path',
  QuantifiedExpression: '"some" or "every" expression',
};

/** `FunctionInvocation` → `function call`; others split into words: `IfExpression` → `if expression`. */
function words(nodeName: string): string {
  return NODE_WORDS[nodeName] ?? nodeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
