import { describe, expect, it } from 'vitest';
import { feelSyntaxError } from '../feel';
import { isIsoDateTime, isIsoDuration, isPriority, isVariableName } from '../literals';

describe('feelSyntaxError', () => {
  it.each([
    'amount > 100',
    'approved = true and risk.rpn < 100',
    'if severity >= 8 then "high" else "normal"',
    'today() + duration("P14D")',
    'string join(["quality", "management"], ",")',
    'some reviewer in reviewers satisfies reviewer.rejected',
  ])('accepts %s', (expression) => {
    // then
    expect(feelSyntaxError(expression)).toBeUndefined();
  });

  it.each([
    ['', 'the expression is empty'],
    ['amount >', 'the comparison is incomplete at the end'],
    ['x ? 1', 'unexpected "?" at character 3'],
    [')', 'unexpected ")" at character 1'],
    ['{ total: 1', 'the context is incomplete at the end'],
  ])('explains what is wrong with %j', (expression, problem) => {
    // then
    expect(feelSyntaxError(expression)).toBe(problem);
  });
});

describe('literal values', () => {
  it.each(['PT2S', 'P3D', 'P1Y2M3DT4H5M6S', 'PT0.5S', 'P2W'])('accepts the ISO 8601 duration %s', (value) => {
    expect(isIsoDuration(value)).toBe(true);
  });

  it.each(['P', 'PT', '3 days', '-P1D', 'P1DT', 'PT1H2D'])('rejects %j as a duration', (value) => {
    expect(isIsoDuration(value)).toBe(false);
  });

  it.each(['2025-01-31T17:00:00Z', '2025-01-31T17:00:00.250+01:00', '2025-01-31T17:00+01:00[Europe/Berlin]'])('accepts the date-time %s', (value) => {
    expect(isIsoDateTime(value)).toBe(true);
  });

  it.each(['2025-01-31', '2025-01-31T17:00:00', '2025-13-01T00:00:00Z', 'tomorrow'])('rejects %j as a date-time with a zone', (value) => {
    expect(isIsoDateTime(value)).toBe(false);
  });

  it('accepts priorities from 0 to 100 only', () => {
    expect(['0', '50', '100'].map(isPriority)).toEqual([true, true, true]);
    expect(['101', '-1', '5.5', 'high'].map(isPriority)).toEqual([false, false, false, false]);
  });

  it('accepts variable names with dots, letters, digits and underscores', () => {
    expect(['approved', 'risk.rpn', '_internal', 'größe', 'review2'].map(isVariableName)).toEqual([true, true, true, true, true]);
    expect(['2nd', 'risk score', 'a..b', 'a.', ''].map(isVariableName)).toEqual([false, false, false, false, false]);
  });
});
