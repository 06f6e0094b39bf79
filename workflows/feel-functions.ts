/**
 * The Camunda 8 FEEL extension functions feelin lacks, plus Qualflow's business-day
 * helpers, as one table of FEEL functions the evaluator puts into every evaluation's
 * context. Like Camunda, a function given unusable arguments returns `null` with a
 * warning; only a failing `assert` fails the whole evaluation (and so raises an incident).
 * `uuid()` uses Temporal's deterministic `uuid4`, so replays see the same ids.
 */
import { uuid4 } from '@temporalio/workflow';
import { FeelFunction } from 'feelin';
import { DEFAULT_BUSINESS_CALENDAR, type BusinessCalendar } from './business-days';
import { businessDayFunctions } from './feel-business-days';
import { feelToJson, fromBase64, invalidArguments, isContext, isNil, toBase64, valueKey } from './feel-values';

/** FEEL functions by name, ready to be merged into an evaluation context. */
export type FeelFunctionTable = Readonly<Record<string, FeelFunction>>;

/** A failed `assert(value, condition, cause?)`: ends the evaluation with the cause as message. */
export class FeelAssertionError extends Error {
  constructor(cause: string) {
    super(cause);
    this.name = 'FeelAssertionError';
  }
}

const fn = (parameters: string[], body: (...args: any[]) => unknown) => new FeelFunction(body, parameters);

const generalFunctions: Record<string, FeelFunction> = {
  // boolean
  'is defined': fn(['value'], (value) => !isNil(value)),
  'get or else': fn(['value', 'default'], (value, fallback) => (isNil(value) ? (fallback ?? null) : value)),
  assert: fn(['value', 'condition', 'cause'], (value, condition, cause) => {
    if (condition === true) return value ?? null;
    throw new FeelAssertionError(typeof cause === 'string' && cause !== '' ? cause : 'The condition is not fulfilled');
  }),

  // list
  'is empty': fn(['list'], (list) => (Array.isArray(list) ? list.length === 0 : notA('is empty', 'list', list))),
  partition: fn(['list', 'size'], (list, size) => {
    if (!Array.isArray(list)) return notA('partition', 'list', list);
    if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) return invalidArguments(`partition: "size" should be a whole number greater than zero but was ${String(size)}`);
    const parts: unknown[][] = [];
    for (let start = 0; start < list.length; start += size) parts.push(list.slice(start, start + size));
    return parts;
  }),
  'duplicate values': fn(['list'], (list) => {
    if (!Array.isArray(list)) return notA('duplicate values', 'list', list);
    const counts = new Map<string, { value: unknown; count: number }>();
    for (const item of list) {
      const key = valueKey(item);
      const seen = counts.get(key);
      if (seen) seen.count += 1;
      else counts.set(key, { value: item, count: 1 });
    }
    return [...counts.values()].filter((entry) => entry.count > 1).map((entry) => entry.value);
  }),
  'string join': fn(['list', 'delimiter', 'prefix', 'suffix'], (list, delimiter, prefix, suffix) => {
    if (!Array.isArray(list)) return notA('string join', 'list', list);
    const parts = list.filter((item) => !isNil(item));
    if (parts.some((item) => typeof item !== 'string')) return invalidArguments('string join: every item of the list must be a string');
    if ([delimiter, prefix, suffix].some((text) => !isNil(text) && typeof text !== 'string')) return invalidArguments('string join: delimiter, prefix and suffix must be strings');
    return `${prefix ?? ''}${parts.join(delimiter ?? '')}${suffix ?? ''}`;
  }),

  // string
  trim: fn(['string'], (text) => (typeof text === 'string' ? text.trim() : notA('trim', 'string', text))),
  'is blank': fn(['string'], (text) => (typeof text === 'string' ? text.trim() === '' : notA('is blank', 'string', text))),
  uuid: fn([], () => uuid4()),
  extract: fn(['string', 'pattern'], (text, pattern) => {
    if (typeof text !== 'string') return notA('extract', 'string', text);
    if (typeof pattern !== 'string') return notA('extract', 'pattern', pattern);
    const regex = compile(pattern);
    return regex ? [...text.matchAll(regex)].map((match) => match[0]) : invalidArguments(`extract: invalid pattern "${pattern}"`);
  }),
  'to base64': fn(['value'], (text) => (typeof text === 'string' ? toBase64(text) : notA('to base64', 'string', text))),
  'from base64': fn(['value'], (text) => {
    if (typeof text !== 'string') return notA('from base64', 'string', text);
    return fromBase64(text) ?? invalidArguments(`from base64: invalid Base64 value "${text}"`);
  }),

  // conversion
  'to json': fn(['value'], (value) => feelToJson(value)),
  'from json': fn(['json'], (json) => {
    if (isNil(json)) return null;
    if (typeof json !== 'string') return notA('from json', 'string', json);
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return invalidArguments(`from json: failed to parse JSON from "${json}"`);
    }
  }),

  // context
  'get value': fn(['context', 'key', 'keys'], (context, key, keys) => {
    const path = key ?? keys;
    if (!isContext(context)) return notA('get value', 'context', context);
    const names = typeof path === 'string' ? [path] : path;
    if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) return invalidArguments('get value: the key must be a string or a list of strings');
    let node: unknown = context;
    for (const name of names as string[]) {
      if (!isContext(node) || !(name in node)) return null;
      node = node[name];
    }
    return node ?? null;
  }),
  put: fn(['context', 'key', 'value'], (context, key, value) => {
    if (!isContext(context)) return notA('put', 'context', context);
    if (typeof key !== 'string') return notA('put', 'key', key);
    return { ...context, [key]: value ?? null };
  }),
  'put all': fn(['...contexts'], (...contexts: unknown[]) => {
    const list = contexts.length === 1 && Array.isArray(contexts[0]) ? (contexts[0] as unknown[]) : contexts;
    if (!list.every(isContext)) return invalidArguments('put all: every argument must be a context');
    return Object.assign({}, ...list) as unknown;
  }),

  // numeric (Math.random is deterministic inside a Temporal workflow)
  'random number': fn([], () => Math.random()),
};

/** The names of every extension function (the compiler parses expressions knowing them). */
export const EXTENSION_FUNCTION_NAMES: readonly string[] = Object.freeze([
  ...Object.keys(generalFunctions),
  ...Object.keys(businessDayFunctions(DEFAULT_BUSINESS_CALENDAR)),
]);

const defaultTable: FeelFunctionTable = Object.freeze({ ...generalFunctions, ...businessDayFunctions(DEFAULT_BUSINESS_CALENDAR) });
const tables = new WeakMap<BusinessCalendar, FeelFunctionTable>([[DEFAULT_BUSINESS_CALENDAR, defaultTable]]);

/**
 * The extension functions, with business days counted on `calendar` (Monday to Friday
 * without holidays when absent). Tables are built once per calendar object.
 */
export function feelFunctions(calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR): FeelFunctionTable {
  const known = tables.get(calendar);
  if (known) return known;
  const table = Object.freeze({ ...generalFunctions, ...businessDayFunctions(calendar) });
  tables.set(calendar, table);
  return table;
}

/** Each name as a pattern that finds it in expression text (any whitespace between its words). */
const namePatterns = EXTENSION_FUNCTION_NAMES.map((name) => ({
  name,
  pattern: new RegExp(`(?:^|[^\\p{L}\\p{N}_])${name.split(' ').join('\\s+')}\\s*\\(`, 'u'),
}));
const namesByExpression = new Map<string, readonly string[]>();
const MAX_REMEMBERED_EXPRESSIONS = 1000;

/**
 * The extension functions `expression` may call: only those whose name it contains, so
 * the many expressions that call none are evaluated over the variables alone (each entry
 * of an evaluation context costs feelin time on every evaluation).
 */
export function feelFunctionsFor(expression: string, calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR): Record<string, FeelFunction> {
  let names = namesByExpression.get(expression);
  if (!names) {
    names = namePatterns.filter(({ pattern }) => pattern.test(expression)).map(({ name }) => name);
    if (namesByExpression.size >= MAX_REMEMBERED_EXPRESSIONS) namesByExpression.clear();
    namesByExpression.set(expression, names);
  }
  const table = feelFunctions(calendar);
  const selected: Record<string, FeelFunction> = {};
  for (const name of names) selected[name] = table[name];
  return selected;
}

function notA(name: string, type: string, value: unknown): unknown {
  return invalidArguments(`${name}: expected a ${type} but found ${feelToJson(value)}`);
}

function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'gu');
  } catch {
    return undefined;
  }
}
