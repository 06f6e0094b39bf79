import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { between, flow, processXml } from './bpmn-builder';

/** A task `Task_1` with a multi-instance marker holding `settings` (and `extra` after them). */
const multiInstance = (settings: string, attributes = '', extra = '') =>
  `<bpmn:task id="Task_1"><bpmn:multiInstanceLoopCharacteristics${attributes}><bpmn:extensionElements>${settings}</bpmn:extensionElements>${extra}</bpmn:multiInstanceLoopCharacteristics></bpmn:task>`;

describe('multi-instance markers', () => {
  it('reads a sequential marker with its completion condition', async () => {
    // given
    const task = multiInstance('<zeebe:loopCharacteristics inputCollection="= approvers" inputElement="approver" />', ' isSequential="true"',
      '<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=approved = false</bpmn:completionCondition>');

    // when
    const { model, errors } = await compile(processXml(between(task)));

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Task_1.multiInstance).toEqual({
      sequential: true, inputCollection: '=approvers', inputElement: 'approver', completionCondition: 'approved = false',
    });
  });

  it.each([
    ['no settings', '', 'Task Task_1 must have a defined multi-instance input collection (zeebe:loopCharacteristics inputCollection)'],
    ['a literal input collection', '<zeebe:loopCharacteristics inputCollection="reviewers" />',
      'Task Task_1 has the multi-instance input collection "reviewers", which must be a FEEL expression starting with "="'],
    ['an output collection without an output element', '<zeebe:loopCharacteristics inputCollection="=xs" outputCollection="ys" />',
      'Task Task_1 with a multi-instance output collection must have a defined output element'],
    ['an input element that is not a variable name', '<zeebe:loopCharacteristics inputCollection="=xs" inputElement="the item" />',
      'Task Task_1 has the multi-instance input element "the item"; variable names must start with a letter or an underscore, and may contain only letters, digits, underscores, and dots'],
    ['invalid FEEL in the output element', '<zeebe:loopCharacteristics inputCollection="=xs" outputCollection="ys" outputElement="=x +" />',
      'Task Task_1 has an invalid FEEL expression in the multi-instance output element: the calculation is incomplete at the end'],
  ])('reports %s', async (_, settings, message) => {
    // when
    const { errors } = await compile(processXml(between(multiInstance(settings))));

    // then
    expect(errors).toEqual([{ elementId: 'Task_1', message }]);
  });
});

describe('compensation', () => {
  /** `start → Task_1 → end`, with a compensation boundary on Task_1, the handler Undo_1 and `association`. */
  const compensated = (association: string, handlerAttributes = ' isForCompensation="true"') => processXml([
    between('<bpmn:serviceTask id="Task_1"><bpmn:extensionElements><zeebe:taskDefinition type="ship" /></bpmn:extensionElements></bpmn:serviceTask>'),
    '<bpmn:boundaryEvent id="Comp_1" attachedToRef="Task_1"><bpmn:compensateEventDefinition id="D" /></bpmn:boundaryEvent>',
    `<bpmn:serviceTask id="Undo_1"${handlerAttributes}><bpmn:extensionElements><zeebe:taskDefinition type="recall" /></bpmn:extensionElements></bpmn:serviceTask>`,
    association,
  ].join(''));

  it('links the handler to the activity through the association, whichever way it points', async () => {
    // when
    const forward = await compile(compensated('<bpmn:association id="A_1" sourceRef="Comp_1" targetRef="Undo_1" />'));
    const backward = await compile(compensated('<bpmn:association id="A_1" sourceRef="Undo_1" targetRef="Comp_1" />'));

    // then
    expect(forward.errors).toEqual([]);
    expect(forward.model?.elements.Task_1).toMatchObject({ compensationHandler: 'Undo_1', boundaryEvents: ['Comp_1'] });
    expect(forward.model?.elements.Undo_1).toMatchObject({ forCompensation: true, incoming: [], outgoing: [] });
    expect(backward.model?.elements.Task_1.compensationHandler).toBe('Undo_1');
  });

  it('reports a handler that is not marked for compensation, and a boundary event without a handler', async () => {
    // when
    const unmarked = await compile(compensated('<bpmn:association id="A_1" sourceRef="Comp_1" targetRef="Undo_1" />', ''));
    const alone = await compile(compensated(''));

    // then
    expect(unmarked.errors).toContainEqual({ elementId: 'Comp_1', message: 'Compensation boundary event Comp_1 is associated with service task Undo_1, which is not marked for compensation (isForCompensation)' });
    expect(alone.errors).toEqual([{ elementId: 'Comp_1', message: 'Compensation boundary event Comp_1 must be associated with a compensation handler (an activity marked for compensation)' }]);
    expect(alone.warnings).toContainEqual({ elementId: 'Undo_1', message: 'Service task Undo_1 is marked for compensation, but no compensation boundary event is associated with it; it never runs' });
  });

  it('reports sequence flows on a compensation handler', async () => {
    // given
    const xml = compensated('<bpmn:association id="A_1" sourceRef="Comp_1" targetRef="Undo_1" />')
      .replace('</bpmn:process>', `<bpmn:endEvent id="End_9" />${flow('F9', 'Undo_1', 'End_9')}</bpmn:process>`);

    // when
    const { errors } = await compile(xml);

    // then
    expect(errors).toContainEqual({ elementId: 'Undo_1', message: 'Service task Undo_1 has sequence flows; a compensation handler cannot have incoming or outgoing sequence flows' });
  });
});

describe('headers on every activity', () => {
  it('reads task headers on a manual task', async () => {
    // given
    const headers = '<zeebe:taskHeaders><zeebe:header key="sop" value="SOP-12" /></zeebe:taskHeaders>';
    const xml = processXml(between(`<bpmn:manualTask id="Task_1"><bpmn:extensionElements>${headers}</bpmn:extensionElements></bpmn:manualTask>`));

    // when
    const { model, errors } = await compile(xml);

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Task_1.headers).toEqual({ sop: 'SOP-12' });
  });

  it('does not accept task headers on a gateway', async () => {
    // given
    const xml = processXml(between('<bpmn:parallelGateway id="Task_1"><bpmn:extensionElements><zeebe:taskHeaders /></bpmn:extensionElements></bpmn:parallelGateway>'));

    // when
    const { errors } = await compile(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Task_1', message: 'Parallel gateway Task_1 with task headers is not supported yet' }]);
  });
});
