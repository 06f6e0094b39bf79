import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { between, processXml } from './bpmn-builder';

/** A call activity `Call_1` named "Run review" between a start and an end event. */
function callActivity(extensions: string): string {
  return `<bpmn:callActivity id="Call_1" name="Run review"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:callActivity>`;
}

function compileCall(extensions: string) {
  return compile(processXml(between(callActivity(extensions), 'Call_1')));
}

describe('call activity', () => {
  it('compiles a literal process id with the defaults: latest version, all variables in both directions', async () => {
    // given
    const extensions = '<zeebe:calledElement processId="document-review" />';

    // when
    const { model, errors, warnings } = await compileCall(extensions);

    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(model?.elements.Call_1).toMatchObject({
      kind: 'callActivity',
      name: 'Run review',
      processId: 'document-review',
      binding: { type: 'latest' },
      propagateAllParentVariables: true,
      propagateAllChildVariables: true,
      inputs: [],
      outputs: [],
    });
  });

  it('compiles an expression process id, a version tag binding, both propagation flags off and the mappings', async () => {
    // given
    const extensions = [
      '<zeebe:calledElement processId="=&quot;review-&quot; + kind" bindingType="versionTag" versionTag="v2" propagateAllParentVariables="false" propagateAllChildVariables="false" />',
      '<zeebe:ioMapping><zeebe:input source="=document" target="doc" /><zeebe:output source="=verdict" target="reviewVerdict" /></zeebe:ioMapping>',
    ].join('');

    // when
    const { model, errors } = await compileCall(extensions);

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Call_1).toMatchObject({
      processId: '="review-" + kind',
      binding: { type: 'versionTag', versionTag: 'v2' },
      propagateAllParentVariables: false,
      propagateAllChildVariables: false,
      inputs: [{ source: '=document', target: 'doc' }],
      outputs: [{ source: '=verdict', target: 'reviewVerdict' }],
    });
  });

  it('compiles the deployment binding', async () => {
    // when
    const { model, errors } = await compileCall('<zeebe:calledElement processId="document-review" bindingType="deployment" />');

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Call_1).toMatchObject({ binding: { type: 'deployment' } });
  });

  it('reads the older process id expression attribute as an expression', async () => {
    // when
    const { model, errors } = await compileCall('<zeebe:calledElement processIdExpression="childProcess" />');

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Call_1).toMatchObject({ processId: '=childProcess' });
  });

  it('rejects a call activity without a called element, naming it', async () => {
    // when
    const { model, errors } = await compile(processXml(between('<bpmn:callActivity id="Call_1" name="Run review" />', 'Call_1')));

    // then
    expect(model).toBeUndefined();
    expect(errors).toEqual([
      { elementId: 'Call_1', message: 'Call activity "Run review" (Call_1) must have a defined called element (zeebe:calledElement) naming the process to call' },
    ]);
  });

  it.each([
    ['no process id', '<zeebe:calledElement />', 'Call activity "Run review" (Call_1) must have the process id of the process to call (processId of zeebe:calledElement)'],
    ['a blank process id', '<zeebe:calledElement processId="  " />', 'Call activity "Run review" (Call_1) must have the process id of the process to call (processId of zeebe:calledElement)'],
    ['both process id forms', '<zeebe:calledElement processId="a" processIdExpression="b" />', 'Call activity "Run review" (Call_1) has both a process id and a process id expression; keep one'],
    ['an invalid process id expression', '<zeebe:calledElement processId="=&quot;review-&quot; +" />', 'Call activity "Run review" (Call_1) has an invalid FEEL expression in the called process id: the calculation is incomplete at the end'],
    ['a version tag binding without a tag', '<zeebe:calledElement processId="a" bindingType="versionTag" />', 'Call activity "Run review" (Call_1) binds the called process by version tag but has no version tag'],
    ['an unknown binding type', '<zeebe:calledElement processId="a" bindingType="newest" />', 'Call activity "Run review" (Call_1) binds the called process with the binding type "newest"; it must be latest, deployment or versionTag'],
  ])('rejects %s', async (_case, extensions, message) => {
    // when
    const { model, errors } = await compileCall(extensions);

    // then
    expect(model).toBeUndefined();
    expect(errors).toEqual([{ elementId: 'Call_1', message }]);
  });

  it('rejects a second called element', async () => {
    // when
    const { errors } = await compileCall('<zeebe:calledElement processId="a" /><zeebe:calledElement processId="b" />');

    // then
    expect(errors).toEqual([{ elementId: 'Call_1', message: 'Call activity "Run review" (Call_1) has a called element more than once; only one is allowed' }]);
  });

  it('refuses a business id for the called process, which Camunda 8.8 does not support either', async () => {
    // when
    const { errors } = await compileCall('<zeebe:calledElement processId="a" businessId="=orderId" />');

    // then
    expect(errors).toEqual([
      { elementId: 'Call_1', message: 'Call activity "Run review" (Call_1) with a business ID for the called process is not supported yet' },
    ]);
  });

  it('warns about settings it ignores: a version tag without its binding, task headers', async () => {
    // given
    const extensions = [
      '<zeebe:calledElement processId="a" versionTag="v1" />',
      '<zeebe:taskHeaders><zeebe:header key="k" value="v" /></zeebe:taskHeaders>',
    ].join('');

    // when
    const { model, errors, warnings } = await compileCall(extensions);

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Call_1).toMatchObject({ binding: { type: 'latest' } });
    expect(warnings.map((warning) => warning.message)).toEqual([
      'Call activity "Run review" (Call_1) has the version tag "v1", which only counts with the binding type versionTag; it is ignored',
      'Call activity "Run review" (Call_1) has task headers, which call activities do not use; they are ignored',
    ]);
  });
});
