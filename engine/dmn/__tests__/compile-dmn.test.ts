import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../../../workflows/dmn/evaluate';
import { compileDmn, isDmnDocument } from '../index';
import { DMN_LIMITS } from '../limits';
import { dmn, tableDecision } from './dmn-builder';

const fixture = readFileSync(new URL('../../../test/fixtures/dmn/review-level.dmn', import.meta.url), 'utf8');

describe('compiling DMN', () => {
  it('compiles every decision of a Camunda Modeler style file, with required decisions inlined and the version tag', async () => {
    // when
    const result = await compileDmn(fixture);
    // then
    expect(result.errors).toEqual([]);
    expect(result.drgId).toBe('ReviewLevelDrg');
    expect(result.decisions.map((d) => [d.decisionId, d.name, d.versionTag])).toEqual([
      ['riskScore', 'Risk score', undefined],
      ['reviewLevel', 'Review level', 'v1'],
    ]);
    const reviewLevel = result.decisions[1].model;
    expect(reviewLevel.required.map((d) => d.id)).toEqual(['riskScore']);
    expect(reviewLevel.logic).toMatchObject({ kind: 'decisionTable', hitPolicy: 'FIRST', inputs: [{ expression: 'riskScore' }, { expression: 'amount' }] });
    expect(evaluateDecision(reviewLevel, { severity: 'minor', amount: 5000 })).toBe('manager');
  });

  it('reads every hit policy and the COLLECT aggregations', async () => {
    // given
    const policies = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
    const xml = dmn(policies.map((policy, index) => tableDecision(`d${index}`, { hitPolicy: policy })).join('')
      + tableDecision('sum', { hitPolicy: 'COLLECT', aggregation: 'SUM', rules: [['-', '1']] }));
    // when
    const result = await compileDmn(xml);
    // then
    expect(result.errors).toEqual([]);
    expect(result.decisions.map((d) => d.model.logic.kind === 'decisionTable' && d.model.logic.hitPolicy)).toEqual([...policies, 'COLLECT']);
    expect(result.decisions[7].model.logic).toMatchObject({ aggregation: 'SUM' });
  });

  it('reports invalid FEEL in an input entry, an output entry and an input expression with their element ids', async () => {
    // given
    const xml = dmn(tableDecision('bad', { rules: [['[1..', '"x"'], ['-', '1 +']] })
      + tableDecision('badInput', { input: '<inputExpression id="badInput_expr"><text>amount &gt;</text></inputExpression>' }));
    // when
    const { errors, decisions } = await compileDmn(xml);
    // then
    expect(decisions).toEqual([]);
    expect(errors).toEqual(expect.arrayContaining([
      { elementId: 'bad_rule1_in', message: expect.stringMatching(/^Decision "bad decision" \(bad\): the input entry "\[1\.\." of rule 1 \(bad_rule1\) is not valid FEEL/) },
      { elementId: 'bad_rule2_out', message: expect.stringContaining('the output entry "1 +" of rule 2 (bad_rule2) is not valid FEEL') },
      { elementId: 'badInput_expr', message: expect.stringContaining('the input expression "amount >"') },
    ]));
  });

  it('reports a missing input expression, an unknown hit policy and a misplaced aggregation on their elements', async () => {
    // given
    const xml = dmn(tableDecision('noInput', { input: '' })
      + tableDecision('odd', { hitPolicy: 'SOMETIMES' })
      + tableDecision('agg', { hitPolicy: 'FIRST', aggregation: 'SUM' }));
    // when
    const { errors } = await compileDmn(xml);
    // then
    expect(errors).toEqual(expect.arrayContaining([
      { elementId: 'noInput_input', message: expect.stringContaining('has no input expression') },
      { elementId: 'odd_table', message: expect.stringContaining('the hit policy "SOMETIMES", which is unknown') },
      { elementId: 'agg_table', message: expect.stringContaining('only the hit policy COLLECT allows') },
    ]));
  });

  it('reports a required decision that does not exist, and cycles of required decisions', async () => {
    // given
    const xml = dmn(tableDecision('orphan', { requires: ['ghost'] })
      + tableDecision('a', { requires: ['b'] })
      + tableDecision('b', { requires: ['a'] }));
    // when
    const { errors } = await compileDmn(xml);
    // then
    expect(errors).toEqual(expect.arrayContaining([
      { elementId: 'orphan_needs_ghost', message: expect.stringContaining('requires the decision "ghost", which does not exist in this file') },
      { elementId: 'a', message: expect.stringContaining('requires itself through a → b → a') },
    ]));
  });

  it('reports decision logic it does not support, and a decision without logic', async () => {
    // given
    const xml = dmn(`
  <decision id="boxed" name="Boxed"><context id="boxed_context" /></decision>
  <decision id="empty" name="Empty" />`);
    // when
    const { errors } = await compileDmn(xml);
    // then
    expect(errors).toEqual(expect.arrayContaining([
      { elementId: 'boxed_context', message: expect.stringContaining('with a boxed context is not supported yet') },
      { elementId: 'empty', message: expect.stringContaining('has no decision logic') },
    ]));
  });

  it('compiles a literal expression decision and checks its FEEL', async () => {
    // given
    const good = dmn(`<decision id="fee" name="Fee"><variable id="fee_var" name="feeAmount" /><literalExpression id="fee_expr"><text>amount * 0.1</text></literalExpression></decision>`);
    const bad = dmn(`<decision id="fee" name="Fee"><literalExpression id="fee_expr"><text>amount *</text></literalExpression></decision>`);
    // when
    const compiled = await compileDmn(good);
    const refused = await compileDmn(bad);
    // then
    expect(compiled.decisions[0].model).toMatchObject({ resultName: 'feeAmount', logic: { kind: 'literalExpression', expression: 'amount * 0.1', variableName: 'feeAmount' } });
    expect(refused.errors).toEqual([{ elementId: 'fee_expr', message: expect.stringContaining('invalid FEEL literal expression') }]);
  });

  it('refuses documents that are not DMN, have a DOCTYPE, or have too many rules', async () => {
    // given
    const manyRules = dmn(tableDecision('big', { rules: Array.from({ length: DMN_LIMITS.maxRules + 1 }, (): [string, string] => ['-', '1']), hitPolicy: 'FIRST' }));
    // when
    const notDmn = await compileDmn('<definitions xmlns="http://example.com/other" id="x" />');
    const doctype = await compileDmn(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>${dmn(tableDecision('d'))}`);
    const tooBig = await compileDmn(manyRules);
    // then
    expect(notDmn.errors[0]).toMatchObject({ elementId: 'document', message: expect.stringContaining('not a DMN 1.3 file') });
    expect(doctype.errors[0].message).toContain('DOCTYPE');
    expect(tooBig.errors).toEqual([{ elementId: 'big_table', message: expect.stringContaining(`at most ${DMN_LIMITS.maxRules} are accepted`) }]);
  });

  it('tells DMN from BPMN by the root element namespace', () => {
    expect(isDmnDocument(fixture)).toBe(true);
    expect(isDmnDocument('<?xml version="1.0"?>\n<!-- c --><dmn:definitions xmlns:dmn="https://www.omg.org/spec/DMN/20191111/MODEL/" id="a"/>')).toBe(true);
    expect(isDmnDocument('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:dmn="https://www.omg.org/spec/DMN/20191111/MODEL/"/>')).toBe(false);
  });
});
