import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../business-days';
import { evaluateCondition, evaluateExpression, evaluateValue, FEEL_DIALECT } from '../feel';
import { EXTENSION_FUNCTION_NAMES, feelFunctions, feelFunctionsFor } from '../feel-functions';
import { IncidentError } from '../incident-error';

/** Evaluates with the extension functions and returns the plain value. */
const feel = (expression: string, scope: Record<string, unknown> = {}) => evaluateExpression(expression, scope);

/** The warnings feelin reports for `expression` (a function given bad arguments warns and returns null). */
const warningsOf = (expression: string) => evaluate(expression, { ...feelFunctions() }, FEEL_DIALECT).warnings.map((warning) => warning.message);

describe('is defined, get or else and assert', () => {
  it('says a value is defined unless it is null or missing', () => {
    expect(feel('is defined(x)', { x: 0 })).toBe(true);
    expect(feel('is defined(x)', { x: null })).toBe(false);
    expect(feel('is defined(x)', {})).toBe(false);
    expect(feel('is defined(order.customer)', { order: {} })).toBe(false);
  });

  it('returns the value, or the default when the value is null or missing', () => {
    expect(feel('get or else(x, "default")', { x: 'this' })).toBe('this');
    expect(feel('get or else(x, "default")', {})).toBe('default');
    expect(feel('get or else(null, null)')).toBeNull();
    expect(feel('get or else(value: x, default: 7)', { x: false })).toBe(false);
  });

  it('passes the value through when the condition holds', () => {
    expect(feel('assert(x, x > 0)', { x: 4 })).toBe(4);
    expect(feel('assert(x, x > 0, "x must be positive") * 2', { x: 4 })).toBe(8);
  });

  it('fails the evaluation with the cause when the condition does not hold or is not a boolean', () => {
    expect(() => feel('assert(x, x > 0, "x must be positive")', { x: -1 })).toThrow(IncidentError);
    expect(() => feel('assert(x, x > 0, "x must be positive")', { x: -1 })).toThrow(/x must be positive/);
    expect(() => feel('assert(x, x != null)', {})).toThrow(/The condition is not fulfilled/);
    expect(() => evaluateCondition('assert(x, "yes")', { x: 1 })).toThrow(/The condition is not fulfilled/);
  });
});

describe('list functions', () => {
  it('tells whether a list is empty, and refuses non-lists', () => {
    expect(feel('is empty([])')).toBe(true);
    expect(feel('is empty([null])')).toBe(false);
    expect(feel('is empty("abc")')).toBeNull();
    expect(warningsOf('is empty("abc")').join()).toContain('is empty: expected a list');
  });

  it('partitions a list into sublists of the given size, the last one shorter', () => {
    expect(feel('partition([1, 2, 3, 4, 5], 2)')).toEqual([[1, 2], [3, 4], [5]]);
    expect(feel('partition([], 3)')).toEqual([]);
    expect(feel('partition([1, 2], 5)')).toEqual([[1, 2]]);
  });

  it('refuses a partition size that is not a positive whole number', () => {
    expect(feel('partition([1, 2], 0)')).toBeNull();
    expect(feel('partition([1, 2], 1.5)')).toBeNull();
    expect(warningsOf('partition([1, 2], 0)').join()).toContain('greater than zero');
  });

  it('lists each duplicated value once, in order of first appearance, comparing contexts by content', () => {
    expect(feel('duplicate values([1, 2, 3, 2, 1])')).toEqual([1, 2]);
    expect(feel('duplicate values([{a: 1, b: 2}, {b: 2, a: 1}, "1", 1])')).toEqual([{ a: 1, b: 2 }]);
    expect(feel('duplicate values([])')).toEqual([]);
    expect(feel('duplicate values(5)')).toBeNull();
  });

  it('joins strings with a delimiter, prefix and suffix, skipping nulls', () => {
    expect(feel('string join(["a", "b", "c"], ", ", "[", "]")')).toBe('[a, b, c]');
    expect(feel('string join(["a", null, "c"])')).toBe('ac');
    expect(feel('string join([])')).toBe('');
    expect(feel('string join(["a", 1], ",")')).toBeNull();
  });
});

describe('string functions', () => {
  it('trims leading and trailing whitespace', () => {
    expect(feel('trim("  hello world \\n")')).toBe('hello world');
    expect(feel('trim("")')).toBe('');
    expect(feel('trim(42)')).toBeNull();
  });

  it('tells whether a string is blank', () => {
    expect(feel('is blank(" \\t ")')).toBe(true);
    expect(feel('is blank("")')).toBe(true);
    expect(feel('is blank(" a ")')).toBe(false);
    expect(feel('is blank([])')).toBeNull();
  });

  it('creates a different RFC 4122 version 4 UUID on every call', () => {
    const [first, second] = feel('[uuid(), uuid()]') as string[];
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect(feel('uuid(1)')).toBeNull();
  });

  it('extracts every match of a regular expression', () => {
    expect(feel('extract("NC-12 and NC-7", "NC-[0-9]+")')).toEqual(['NC-12', 'NC-7']);
    expect(feel('extract("none", "[0-9]")')).toEqual([]);
    expect(feel('extract("a", "(")')).toBeNull();
  });

  it('encodes and decodes Base64 over UTF-8', () => {
    expect(feel('to base64("FEEL")')).toBe('RkVFTA==');
    expect(feel('from base64("RkVFTA==")')).toBe('FEEL');
    expect(feel('from base64(to base64("Prüfung ✓ 😀"))')).toBe('Prüfung ✓ 😀');
    expect(feel('to base64("")')).toBe('');
    expect(feel('from base64("not base64!")')).toBeNull();
    expect(warningsOf('from base64("@@")').join()).toContain('invalid Base64 value');
  });
});

describe('JSON and context functions', () => {
  it('writes FEEL values as JSON text, dates as ISO strings', () => {
    expect(feel('to json({id: 7, tags: ["a"], due: date("2026-01-31"), gone: null})')).toBe('{"id":7,"tags":["a"],"due":"2026-01-31","gone":null}');
    expect(feel('to json("text")')).toBe('"text"');
    expect(feel('to json(null)')).toBe('null');
  });

  it('reads JSON text into FEEL values, and refuses text that is not JSON', () => {
    expect(feel('from json(text).items[2]', { text: '{"items": [1, 2, 3]}' })).toBe(2);
    expect(feel('from json("null")')).toBeNull();
    expect(feel('from json("{")')).toBeNull();
    expect(warningsOf('from json("{")').join()).toContain('failed to parse JSON');
  });

  it('reads a context value by key or by path, null when absent', () => {
    expect(feel('get value({a: {b: 1}}, ["a", "b"])')).toBe(1);
    expect(feel('get value(context: {a: 1}, key: "a")')).toBe(1);
    expect(feel('get value({a: 1}, "z")')).toBeNull();
    expect(feel('get value([1], "a")')).toBeNull();
  });

  it('keeps the deprecated put and put all names working', () => {
    expect(feel('put({a: 1}, "b", 2)')).toEqual({ a: 1, b: 2 });
    expect(feel('put all({a: 1}, {a: 2, b: 3})')).toEqual({ a: 2, b: 3 });
    expect(feel('put all(1, 2)')).toBeNull();
  });
});

describe('the extension function table', () => {
  it('offers every listed name, and the business-day functions count on the given calendar', () => {
    // given
    const sixDayWeek: BusinessCalendar = { workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: ['2026-12-01'] };

    // when
    const names = Object.keys(feelFunctions()).sort();
    const dueDates = evaluateValue('=[add business days(date("2026-11-27"), 1), add business days(date("2026-11-30"), 2)]', {}, { calendar: sixDayWeek });

    // then
    expect(names).toEqual([...EXTENSION_FUNCTION_NAMES].sort());
    expect(dueDates).toEqual(['2026-11-28', '2026-12-03']);
    expect(evaluateValue('=add business days(date("2026-11-27"), 1)', {})).toBe('2026-11-30');
  });

  it('gives an expression only the functions it calls, so plain expressions stay cheap', () => {
    expect(Object.keys(feelFunctionsFor('amount > 100'))).toEqual([]);
    expect(Object.keys(feelFunctionsFor('is defined(x) and get  or else(y, 1) > trim(z)')).sort()).toEqual(['get or else', 'is defined', 'trim']);
    expect(Object.keys(feelFunctionsFor('put all([a]) = context put(a, "k", 1)')).sort()).toEqual(['put', 'put all']);
  });

  it('lets a process variable keep a value whose name a function also has', () => {
    expect(feel('trim', { trim: 'kept' })).toBe('kept');
  });

  it('reads backtick-quoted names as Camunda does', () => {
    expect(feel('`risk score` + 1', { 'risk score': 4 })).toBe(5);
  });
});
