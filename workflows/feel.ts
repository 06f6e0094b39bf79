/**
 * Variables and FEEL: the one place the interpreter evaluates expressions and writes
 * variables. Values follow Zeebe's convention: `=expr` is FEEL, anything else a literal.
 * Expressions see Camunda's dialect (backtick-quoted names) and the Camunda extension
 * functions (`is defined`, `get or else`, `assert`, ... see feel-functions.ts), with
 * business days counted on the calendar in {@link FeelOptions} (Monday to Friday when absent).
 * Every evaluation problem is thrown as an {@link IncidentError}, which the engine turns
 * into an incident on the element being executed.
 */
import { evaluate, SyntaxError as FeelSyntaxError, type Warning } from 'feelin';
import type { BusinessCalendar } from './business-days';
import type { Variables } from './contract';
import { FeelAssertionError, feelFunctionsFor } from './feel-functions';
import type { ValueOrExpression, VariableMapping } from './model';
import { IncidentError } from './incident-error';

/** How expressions are evaluated; every field is optional and has a default. */
export interface FeelOptions {
  /** The business calendar `add business days` and friends count on (default: Monday to Friday, no holidays). */
  calendar?: BusinessCalendar;
}

/** The FEEL dialect of Camunda 8 (backtick names) as feelin calls it. */
export const FEEL_DIALECT = 'camunda';

/** True when `value` is a FEEL expression in Zeebe's notation (`=...`). */
export function isExpression(value: ValueOrExpression): boolean {
  return value.startsWith('=');
}

/**
 * Evaluates a FEEL expression (without the leading `=`) over `scope` and returns a plain
 * JSON value (FEEL dates and durations become ISO strings, functions become null).
 *
 * @throws IncidentError when the expression does not parse or fails to evaluate.
 */
export function evaluateExpression(expression: string, scope: Variables, options: FeelOptions = {}): unknown {
  return evaluateWithWarnings(expression, scope, options).value;
}

/**
 * Evaluates `=expr` with FEEL, or returns the literal string unchanged.
 *
 * @throws IncidentError when the expression does not parse or fails to evaluate.
 */
export function evaluateValue(value: ValueOrExpression, scope: Variables, options: FeelOptions = {}): unknown {
  return isExpression(value) ? evaluateExpression(value.slice(1), scope, options) : value;
}

/**
 * Evaluates a sequence flow condition; only a boolean `true` counts as met (null, a
 * missing variable or a non-boolean result do not). Returns the warnings so a caller can
 * explain why nothing matched.
 *
 * @throws IncidentError when the condition does not parse.
 */
export function evaluateCondition(condition: string, scope: Variables, options: FeelOptions = {}): { met: boolean; warnings: string[] } {
  const expression = isExpression(condition) ? condition.slice(1) : condition;
  const { value, warnings } = evaluateWithWarnings(expression, scope, options);
  return { met: value === true, warnings };
}

/**
 * Applies `zeebe:input`/`zeebe:output` mappings: each source is evaluated over `scope`
 * (the targets written so far are visible to later mappings) and written to `target`
 * at its dotted path. Returns `target`.
 *
 * @throws IncidentError when a source expression fails.
 */
export function applyMappings(mappings: VariableMapping[], scope: Variables, target: Variables, options: FeelOptions = {}): Variables {
  for (const mapping of mappings) {
    const value = evaluateValue(mapping.source, { ...scope, ...target }, options);
    setVariable(target, mapping.target, value);
  }
  return target;
}

/** Writes `value` at a dotted path (`order.customer.name`), creating objects on the way. */
export function setVariable(target: Variables, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    const child = isPlainObject(next) ? { ...next } : {};
    node[part] = child;
    node = child;
  }
  node[parts[parts.length - 1]] = value;
}

/** True for `{...}` objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Converts a FEEL result to plain JSON: temporal values to ISO strings, functions and ranges dropped. */
export function toPlainValue(value: unknown): unknown {
  if (value === undefined) return null;
  const json = JSON.stringify(value);
  return json === undefined ? null : JSON.parse(json);
}

/**
 * Variables come first so a process variable keeps its value even when a function shares
 * its name (as with feelin's own built-ins). Only the variables whose names occur in the
 * expression are passed: FEEL reaches a variable by its name alone, and an evaluation costs
 * time in proportion to its whole context (a mapping evaluated per multi-instance item would
 * otherwise walk the input collection every time).
 */
function evaluateWithWarnings(expression: string, scope: Variables, options: FeelOptions): { value: unknown; warnings: string[] } {
  try {
    const result = evaluate(expression, { ...feelFunctionsFor(expression, options.calendar), ...namedIn(expression, scope) }, FEEL_DIALECT);
    return { value: toPlainValue(result.value), warnings: result.warnings.map(describeWarning) };
  } catch (error) {
    if (error instanceof FeelSyntaxError) {
      throw new IncidentError(`The expression "${expression}" is not valid FEEL: ${error.message}`);
    }
    if (error instanceof FeelAssertionError) {
      throw new IncidentError(`The assertion in "${expression}" failed: ${error.message}`);
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new IncidentError(`The expression "${expression}" failed: ${message}`);
  }
}

/** The variables of `scope` whose names occur in `expression` (a superset of those it reads). */
function namedIn(expression: string, scope: Variables): Variables {
  const named: Variables = {};
  for (const name of Object.keys(scope)) if (expression.includes(name)) named[name] = scope[name];
  return named;
}

function describeWarning(warning: Warning): string {
  return warning.message;
}
