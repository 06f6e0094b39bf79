import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../evaluate';
import { table, type RuleRow } from './tables';

/** Three rules on `amount`: every one matches 500. */
const overlapping: RuleRow[] = [
  [['> 100'], ['"manager"']],
  [['> 0'], ['"peer"']],
  [['[400..600]'], ['"director"']],
];

describe('hit policies', () => {
  it('UNIQUE gives the one matching rule and is an incident naming both rules when two match', () => {
    // given
    const unique = table('approver', 'UNIQUE', ['amount'], ['approver'], [
      [['<= 100'], ['"peer"']],
      [['>= 100'], ['"manager"']],
    ]);
    // then
    expect(evaluateDecision(unique, { amount: 50 })).toBe('peer');
    expect(() => evaluateDecision(unique, { amount: 100 })).toThrow(/rule 1 \(rule1\) and rule 2 \(rule2\) all match, but the hit policy UNIQUE allows only one/);
  });

  it('FIRST gives the first matching rule in table order', () => {
    expect(evaluateDecision(table('t', 'FIRST', ['amount'], ['approver'], overlapping), { amount: 500 })).toBe('manager');
  });

  it('ANY gives the common output, and is an incident when the matching rules disagree', () => {
    // given
    const agreeing = table('t', 'ANY', ['amount'], ['approver'], [[['> 0'], ['"peer"']], [['< 1000'], ['"peer"']]]);
    const disagreeing = table('t', 'ANY', ['amount'], ['approver'], overlapping);
    // then
    expect(evaluateDecision(agreeing, { amount: 5 })).toBe('peer');
    expect(() => evaluateDecision(disagreeing, { amount: 500 })).toThrow(/different outputs, but the hit policy ANY/);
  });

  it('PRIORITY gives the match whose output comes first in the output values', () => {
    // given
    const output = { name: 'approver', outputValues: ['director', 'manager', 'peer'] };
    // then
    expect(evaluateDecision(table('t', 'PRIORITY', ['amount'], [output], overlapping), { amount: 500 })).toBe('director');
    expect(evaluateDecision(table('t', 'PRIORITY', ['amount'], [output], overlapping), { amount: 50 })).toBe('peer');
  });

  it('OUTPUT ORDER lists the matches in the order of the output values', () => {
    // given
    const output = { name: 'approver', outputValues: ['director', 'manager', 'peer'] };
    // then
    expect(evaluateDecision(table('t', 'OUTPUT ORDER', ['amount'], [output], overlapping), { amount: 500 })).toEqual(['director', 'manager', 'peer']);
  });

  it('RULE ORDER lists the matches in rule order', () => {
    expect(evaluateDecision(table('t', 'RULE ORDER', ['amount'], ['approver'], overlapping), { amount: 500 })).toEqual(['manager', 'peer', 'director']);
  });

  it('COLLECT lists every match, as contexts when there are several outputs', () => {
    // given
    const compound = table('t', 'COLLECT', ['amount'], ['approver', 'days'], [
      [['> 0'], ['"peer"', '3']],
      [['> 100'], ['"manager"', '5']],
    ]);
    // then
    expect(evaluateDecision(compound, { amount: 500 })).toEqual([{ approver: 'peer', days: 3 }, { approver: 'manager', days: 5 }]);
  });

  it('COLLECT with SUM, MIN, MAX and COUNT aggregates the matching outputs', () => {
    // given
    const points: RuleRow[] = [[['> 0'], ['10']], [['> 100'], ['25']], [['> 1000'], ['40']]];
    const collect = (aggregation: 'SUM' | 'MIN' | 'MAX' | 'COUNT') => table('t', 'COLLECT', ['amount'], ['points'], points, { aggregation });
    // then
    expect(evaluateDecision(collect('SUM'), { amount: 500 })).toBe(35);
    expect(evaluateDecision(collect('MIN'), { amount: 500 })).toBe(10);
    expect(evaluateDecision(collect('MAX'), { amount: 5000 })).toBe(40);
    expect(evaluateDecision(collect('COUNT'), { amount: 5000 })).toBe(3);
  });

  it('COLLECT SUM is an incident when a matching output is not a number', () => {
    // given
    const text = table('t', 'COLLECT', ['amount'], ['points'], [[['> 0'], ['"ten"']]], { aggregation: 'SUM' });
    // then
    expect(() => evaluateDecision(text, { amount: 5 })).toThrow(/gives "ten", but COLLECT SUM needs numbers/);
  });

  it('gives null for a multiple-hit policy when no rule matches', () => {
    expect(evaluateDecision(table('t', 'COLLECT', ['amount'], ['approver'], overlapping), { amount: -1 })).toBeNull();
  });
});
