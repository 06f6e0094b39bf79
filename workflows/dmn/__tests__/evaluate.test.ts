import { describe, expect, it } from 'vitest';
import { IncidentError } from '../../incident-error';
import { evaluateDecision } from '../evaluate';
import { literal, table } from './tables';

describe('decision table input entries (FEEL unary tests)', () => {
  const grade = table('grade', 'FIRST', ['score'], ['grade'], [
    [['[90..100]'], ['"A"']],
    [['[75..90)'], ['"B"']],
    [['< 75'], ['"C"']],
  ]);

  it('matches ranges with closed and open ends, and comparisons', () => {
    expect(evaluateDecision(grade, { score: 90 })).toBe('A');
    expect(evaluateDecision(grade, { score: 89.5 })).toBe('B');
    expect(evaluateDecision(grade, { score: 75 })).toBe('B');
    expect(evaluateDecision(grade, { score: 74 })).toBe('C');
  });

  it('matches lists of values, negations, and "-" or an empty entry as anything', () => {
    // given
    const route = table('route', 'FIRST', ['category', 'region'], ['team'], [
      [['"audit","capa"', '-'], ['"quality"']],
      [['not("complaint")', '"EU"'], ['"regional"']],
      [['', ''], ['"front desk"']],
    ]);
    // then
    expect(evaluateDecision(route, { category: 'capa', region: 'US' })).toBe('quality');
    expect(evaluateDecision(route, { category: 'deviation', region: 'EU' })).toBe('regional');
    expect(evaluateDecision(route, { category: 'complaint', region: 'EU' })).toBe('front desk');
  });

  it('compares dates that the input expression builds from ISO date strings', () => {
    // given
    const period = table('period', 'UNIQUE', ['date(dueDate)'], ['quarter'], [
      [['[date("2026-01-01")..date("2026-03-31")]'], ['"Q1"']],
      [['>= date("2026-04-01")'], ['"later"']],
    ]);
    // then
    expect(evaluateDecision(period, { dueDate: '2026-02-14' })).toBe('Q1');
    expect(evaluateDecision(period, { dueDate: '2026-07-01' })).toBe('later');
    expect(evaluateDecision(period, { dueDate: '2025-12-31' })).toBeNull();
  });

  it('gives the input value to the test as "?" and lets it use variables', () => {
    // given
    const limit = table('limit', 'FIRST', ['amount'], ['over'], [
      [['? > budget'], ['true']],
      [['-'], ['false']],
    ]);
    // then
    expect(evaluateDecision(limit, { amount: 120, budget: 100 })).toBe(true);
    expect(evaluateDecision(limit, { amount: 80, budget: 100 })).toBe(false);
  });

  it('gives null when no rule matches and the outputs have no default', () => {
    expect(evaluateDecision(grade, { score: 101 })).toBeNull();
  });

  it('gives the default output entry when no rule matches', () => {
    // given
    const withDefault = table('level', 'UNIQUE', ['risk'], [{ name: 'level', defaultOutput: '"none"' }], [[['"high"'], ['"board"']]]);
    // then
    expect(evaluateDecision(withDefault, { risk: 'low' })).toBe('none');
  });
});

describe('decision results', () => {
  it('gives a context when the table has several outputs', () => {
    // given
    const review = table('review', 'UNIQUE', ['severity'], ['reviewer', 'days'], [
      [['"critical"'], ['"qa-lead"', '2']],
      [['"minor"'], ['"peer"', '10']],
    ]);
    // then
    expect(evaluateDecision(review, { severity: 'critical' })).toEqual({ reviewer: 'qa-lead', days: 2 });
  });

  it('evaluates a literal expression decision', () => {
    expect(evaluateDecision(literal('total', 'sum(items)'), { items: [1, 2, 3] })).toBe(6);
  });

  it('evaluates required decisions first and puts their results in scope under their ids and result names', () => {
    // given
    const risk = literal('riskDecision', 'if severity = "critical" then 10 else 1', { resultName: 'riskScore' });
    const factor = literal('factor', '2');
    const level = table('level', 'FIRST', ['riskDecision * factor', 'riskScore'], ['level'], [
      [['>= 20', '-'], ['"board"']],
      [['-', '-'], ['"peer"']],
    ], { required: [risk, factor] });
    // then
    expect(evaluateDecision(level, { severity: 'critical' })).toBe('board');
    expect(evaluateDecision(level, { severity: 'minor' })).toBe('peer');
  });

  it('evaluates a decision required twice (through two others) once', () => {
    // given
    const base = literal('base', 'count + 1');
    const left = literal('left', 'base * 2', { required: [base] });
    const right = literal('right', 'base * 3', { required: [base] });
    const top = literal('top', 'left + right', { required: [left, right] });
    // then
    expect(evaluateDecision(top, { count: 1 })).toBe(10);
  });
});

describe('decision evaluation errors', () => {
  it('names the decision and rule when an input entry fails to parse', () => {
    // given
    const broken = table('broken', 'UNIQUE', ['x'], ['y'], [[['[1..'], ['1']]], { name: 'Broken table' });
    // then
    expect(() => evaluateDecision(broken, { x: 1 })).toThrow(IncidentError);
    expect(() => evaluateDecision(broken, { x: 1 })).toThrow(/Decision "Broken table" \(broken\): the input entry "\[1\.\." of rule 1 \(rule1\) is not valid FEEL/);
  });

  it('names the decision and output when an output entry fails', () => {
    // given
    const failing = table('failing', 'UNIQUE', ['x'], ['y'], [[['-'], ['assert(x, x > 5)']]]);
    // then
    expect(() => evaluateDecision(failing, { x: 1 })).toThrow(/Decision failing: the output "y" of rule 1 \(rule1\) failed/);
  });
});
