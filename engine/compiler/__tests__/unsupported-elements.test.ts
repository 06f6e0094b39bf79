import { describe, expect, it } from 'vitest';
import { NOT_SUPPORTED } from '../element-kinds';
import { compile } from '../index';
import { between, processXml, userTask } from './bpmn-builder';

/** Each case puts one element, id `Activity_1`, named "Review", between a start and an end event. */
const REFUSED: Array<[string, string, string]> = [
  ['an ad-hoc sub-process', '<bpmn:adHocSubProcess id="Activity_1" name="Review" />', 'Ad-hoc sub-process "Review" (Activity_1) is not supported by Qualflow'],
  ['a transaction', '<bpmn:transaction id="Activity_1" name="Review" />', 'Transaction "Review" (Activity_1) is not supported by Qualflow'],
  ['a complex gateway', '<bpmn:complexGateway id="Activity_1" name="Review" />', 'Complex gateway "Review" (Activity_1) is not supported by Qualflow'],
  [
    'a conditional intermediate catch event',
    '<bpmn:intermediateCatchEvent id="Activity_1" name="Review"><bpmn:conditionalEventDefinition id="C_1"><bpmn:condition xsi:type="bpmn:tFormalExpression">=x</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>',
    'Conditional intermediate catch event "Review" (Activity_1) is not supported by Qualflow',
  ],
  ['an element BPMN knows but Qualflow never will', '<bpmn:choreographyTask id="Activity_1" name="Review" />', 'Choreography task "Review" (Activity_1) is not supported'],
];

describe('elements that are not supported', () => {
  it.each(REFUSED)('reports %s by name and id', async (_, element, message) => {
    // when
    const result = await compile(processXml(between(element, 'Activity_1')));

    // then
    expect(result.model).toBeUndefined();
    expect(result.errors).toEqual([{ elementId: 'Activity_1', message }]);
  });

  it.each(NOT_SUPPORTED)('reports every element listed as not supported on purpose: %s', async (type) => {
    // given
    const local = type.slice('bpmn:'.length);
    const element = `<bpmn:${local.charAt(0).toLowerCase()}${local.slice(1)} id="Activity_1" />`;

    // when
    const result = await compile(processXml(between(element, 'Activity_1')));

    // then
    expect(result.errors).toEqual([{ elementId: 'Activity_1', message: expect.stringMatching(/^[A-Z][\w -]* Activity_1 is not supported by Qualflow$/) }]);
  });

  it.each([
    ['a conditional start event', '<bpmn:startEvent id="Start_1" name="Complaint received"><bpmn:conditionalEventDefinition id="C_1" /></bpmn:startEvent>',
      'Start_1', 'Conditional start event "Complaint received" (Start_1) is not supported by Qualflow'],
    ['a cancel end event', '<bpmn:endEvent id="End_1" name="Rejected"><bpmn:cancelEventDefinition id="E_1" /></bpmn:endEvent>',
      'End_1', 'Cancel end event "Rejected" (End_1) is not supported by Qualflow'],
    ['an end event with two definitions', '<bpmn:endEvent id="End_1" name="Stop"><bpmn:terminateEventDefinition id="E_1" /><bpmn:messageEventDefinition id="E_2" /></bpmn:endEvent>',
      'End_1', 'Multiple end event "Stop" (End_1) is not supported by Qualflow: an event may have only one event definition'],
    ['an error start event at process level', '<bpmn:startEvent id="Start_1" name="Failed"><bpmn:errorEventDefinition id="E_1" /></bpmn:startEvent>',
      'Start_1', 'Error start event "Failed" (Start_1) is not supported; here an event may be none, timer, message or signal'],
  ])('reports %s', async (_, event, id, message) => {
    // given
    const straight = between(userTask('Task_1', 'Review'));
    const xml = processXml(id === 'Start_1'
      ? straight.replace('<bpmn:startEvent id="Start_1" name="Start" />', `${event}<bpmn:startEvent id="Start_0" />`).replace('sourceRef="Start_1"', 'sourceRef="Start_0"') + ''
      : straight.replace('<bpmn:endEvent id="End_1" name="Done" />', event));
    const connected = id === 'Start_1' ? xml.replace('</bpmn:process>', '<bpmn:sequenceFlow id="Flow_s" sourceRef="Start_1" targetRef="Task_1" /></bpmn:process>') : xml;

    // when
    const result = await compile(connected);

    // then
    expect(result.errors).toEqual([{ elementId: id, message }]);
  });

  it('reports a cancel boundary event', async () => {
    // given
    const boundary = '<bpmn:boundaryEvent id="Boundary_1" name="Cancelled" attachedToRef="Task_1"><bpmn:cancelEventDefinition id="C_1" /></bpmn:boundaryEvent>';
    const xml = processXml(`${between(userTask('Task_1', 'Review'))}${boundary}<bpmn:endEvent id="End_2" /><bpmn:sequenceFlow id="F_b" sourceRef="Boundary_1" targetRef="End_2" />`);

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([{ elementId: 'Boundary_1', message: 'Cancel boundary event "Cancelled" (Boundary_1) is not supported by Qualflow' }]);
  });

  it('reports a standard loop marker', async () => {
    // given
    const task = `<bpmn:userTask id="Task_1" name="Review"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements><bpmn:standardLoopCharacteristics /></bpmn:userTask>`;

    // when
    const result = await compile(processXml(between(task)));

    // then
    expect(result.errors).toEqual([{ elementId: 'Task_1', message: 'User task "Review" (Task_1) has a standard loop marker, which is not supported by Qualflow; use a multi-instance marker' }]);
  });

  it('reports Zeebe extensions a supported element does not support yet, on the element and on the process', async () => {
    // given
    const listeners = '<zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners>';
    const xml = processXml(between(userTask('Task_1', 'Review', listeners)), { extensions: listeners });

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([
      { elementId: 'Process_1', message: 'Process Process_1 with execution listeners is not supported yet' },
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) with execution listeners is not supported yet' },
    ]);
  });

  it('reports a start event with a form, a feature of Camunda start forms', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review')).replace(
      '<bpmn:startEvent id="Start_1" name="Start" />',
      '<bpmn:startEvent id="Start_1" name="Start"><bpmn:extensionElements><zeebe:formDefinition formId="intake" /></bpmn:extensionElements></bpmn:startEvent>',
    ));

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([{ elementId: 'Start_1', message: 'Start event "Start" (Start_1) with a form is not supported yet' }]);
  });

  it('reports input/output mappings on a gateway', async () => {
    // given
    const gateway = '<bpmn:parallelGateway id="Task_1" name="Split"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=1" target="x" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:parallelGateway>';

    // when
    const result = await compile(processXml(between(gateway)));

    // then
    expect(result.errors).toEqual([{ elementId: 'Task_1', message: 'Parallel gateway "Split" (Task_1) with input/output mappings is not supported yet' }]);
  });

  it('reports an extension element given twice', async () => {
    // given
    const task = userTask('Task_1', 'Review', '<zeebe:assignmentDefinition assignee="alice" /><zeebe:assignmentDefinition assignee="bob" />');

    // when
    const result = await compile(processXml(between(task)));

    // then
    expect(result.errors).toEqual([{ elementId: 'Task_1', message: 'User task "Review" (Task_1) has an assignment more than once; only one is allowed' }]);
  });

  it('warns about another vendor\'s extension elements and ignores them', async () => {
    // given
    const task = userTask('Task_1', 'Review', '<camunda:formData />')
      .replace('<bpmn:userTask ', '<bpmn:userTask xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ');

    // when
    const result = await compile(processXml(between(task)));

    // then
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ elementId: 'Task_1', message: 'User task "Review" (Task_1) has the extension element <camunda:formData>, which Qualflow ignores' }]);
  });
});
