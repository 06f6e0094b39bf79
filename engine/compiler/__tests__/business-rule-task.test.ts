import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { between, processXml } from './bpmn-builder';

/** A business rule task `Rule_1` named "Decide level" between a start and an end event. */
function compileRuleTask(extensions: string) {
  const task = `<bpmn:businessRuleTask id="Rule_1" name="Decide level"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:businessRuleTask>`;
  return compile(processXml(between(task, 'Rule_1')));
}

describe('business rule task', () => {
  it('compiles a called decision with its result variable, latest binding by default', async () => {
    // when
    const { model, errors } = await compileRuleTask('<zeebe:calledDecision decisionId="reviewLevel" resultVariable="level" />');
    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Rule_1).toMatchObject({
      kind: 'businessRuleTask',
      decision: { decisionId: 'reviewLevel', resultVariable: 'level', binding: { type: 'latest' } },
    });
  });

  it('reads a decision id expression and the deployment and version tag bindings', async () => {
    // when
    const expression = await compileRuleTask('<zeebe:calledDecision decisionId="=&quot;level_&quot; + region" resultVariable="level" bindingType="deployment" />');
    const tagged = await compileRuleTask('<zeebe:calledDecision decisionId="reviewLevel" resultVariable="level" bindingType="versionTag" versionTag="v2" />');
    // then
    expect(expression.model?.elements.Rule_1).toMatchObject({ decision: { decisionId: '="level_" + region', binding: { type: 'deployment' } } });
    expect(tagged.model?.elements.Rule_1).toMatchObject({ decision: { binding: { type: 'versionTag', versionTag: 'v2' } } });
  });

  it('compiles a task definition as a job with its headers and mappings', async () => {
    // when
    const { model, errors } = await compileRuleTask(`<zeebe:taskDefinition type="rules-engine" retries="5" />
      <zeebe:taskHeaders><zeebe:header key="ruleset" value="capa" /></zeebe:taskHeaders>
      <zeebe:ioMapping><zeebe:input source="=amount" target="value" /></zeebe:ioMapping>`);
    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Rule_1).toMatchObject({
      kind: 'businessRuleTask',
      job: { taskType: 'rules-engine', retries: 5 },
      headers: { ruleset: 'capa' },
      inputs: [{ source: '=amount', target: 'value' }],
    });
    expect(model?.elements.Rule_1).not.toHaveProperty('decision');
  });

  it('reports a task with neither a called decision nor a task definition, and one with both', async () => {
    // when
    const neither = await compileRuleTask('');
    const both = await compileRuleTask('<zeebe:calledDecision decisionId="d" resultVariable="r" /><zeebe:taskDefinition type="t" />');
    // then
    expect(neither.errors).toEqual([{ elementId: 'Rule_1', message: 'Business rule task "Decide level" (Rule_1) must have a defined implementation: a called decision (zeebe:calledDecision) or a task definition (zeebe:taskDefinition)' }]);
    expect(both.errors).toEqual([{ elementId: 'Rule_1', message: expect.stringContaining('must have only one of them') }]);
  });

  it('reports a missing decision id, a missing or invalid result variable, bad FEEL and a version tag binding without a tag', async () => {
    // when
    const missing = await compileRuleTask('<zeebe:calledDecision />');
    const invalid = await compileRuleTask('<zeebe:calledDecision decisionId="=1 +" resultVariable="1st result" bindingType="versionTag" />');
    // then
    expect(missing.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('must have the id of the decision to evaluate (decisionId of zeebe:calledDecision)'),
      expect.stringContaining('must have a result variable for the decision result (resultVariable of zeebe:calledDecision)'),
    ]);
    expect(invalid.errors.map((e) => e.message)).toEqual(expect.arrayContaining([
      expect.stringContaining('binds the called decision by version tag but has no version tag'),
      expect.stringContaining('invalid FEEL expression in the called decision id'),
      expect.stringContaining('has the result variable "1st result"'),
    ]));
    expect(invalid.errors.every((e) => e.elementId === 'Rule_1')).toBe(true);
  });
});
