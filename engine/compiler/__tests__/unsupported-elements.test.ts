import { describe, expect, it } from 'vitest';
import { NOT_SUPPORTED_YET } from '../element-kinds';
import { compile } from '../index';
import { between, processXml, userTask } from './bpmn-builder';

/** Each case puts one element, id `Activity_1`, named "Review", between a start and an end event. */
const NOT_YET: Array<[string, string, string]> = [
  ['a call activity', '<bpmn:callActivity id="Activity_1" name="Review" />', 'Call activity "Review" (Activity_1) is not supported yet'],
  ['a sub-process', '<bpmn:subProcess id="Activity_1" name="Review" />', 'Sub-process "Review" (Activity_1) is not supported yet'],
  ['an ad-hoc sub-process', '<bpmn:adHocSubProcess id="Activity_1" name="Review" />', 'Ad-hoc sub-process "Review" (Activity_1) is not supported yet'],
  ['a transaction', '<bpmn:transaction id="Activity_1" name="Review" />', 'Transaction "Review" (Activity_1) is not supported yet'],
  ['an undefined task', '<bpmn:task id="Activity_1" name="Review" />', 'Task "Review" (Activity_1) is not supported yet'],
  ['a business rule task', '<bpmn:businessRuleTask id="Activity_1" name="Review" />', 'Business rule task "Review" (Activity_1) is not supported yet'],
  ['a send task', '<bpmn:sendTask id="Activity_1" name="Review" />', 'Send task "Review" (Activity_1) is not supported yet'],
  ['a receive task', '<bpmn:receiveTask id="Activity_1" name="Review" />', 'Receive task "Review" (Activity_1) is not supported yet'],
  ['a manual task', '<bpmn:manualTask id="Activity_1" name="Review" />', 'Manual task "Review" (Activity_1) is not supported yet'],
  ['an inclusive gateway', '<bpmn:inclusiveGateway id="Activity_1" name="Review" />', 'Inclusive gateway "Review" (Activity_1) is not supported yet'],
  ['an event-based gateway', '<bpmn:eventBasedGateway id="Activity_1" name="Review" />', 'Event-based gateway "Review" (Activity_1) is not supported yet'],
  ['a complex gateway', '<bpmn:complexGateway id="Activity_1" name="Review" />', 'Complex gateway "Review" (Activity_1) is not supported yet'],
  ['an intermediate throw event', '<bpmn:intermediateThrowEvent id="Activity_1" name="Review" />', 'Intermediate throw event "Review" (Activity_1) is not supported yet'],
  [
    'a timer intermediate catch event',
    '<bpmn:intermediateCatchEvent id="Activity_1" name="Review"><bpmn:timerEventDefinition id="T_1" /></bpmn:intermediateCatchEvent>',
    'Timer intermediate catch event "Review" (Activity_1) is not supported yet',
  ],
  [
    'a message intermediate throw event',
    '<bpmn:intermediateThrowEvent id="Activity_1" name="Review"><bpmn:messageEventDefinition id="M_1" /></bpmn:intermediateThrowEvent>',
    'Message intermediate throw event "Review" (Activity_1) is not supported yet',
  ],
  ['an element BPMN knows but Qualflow never will', '<bpmn:choreographyTask id="Activity_1" name="Review" />', 'Choreography task "Review" (Activity_1) is not supported yet'],
];

describe('elements that are not supported yet', () => {
  it.each(NOT_YET)('reports %s by name and id', async (_, element, message) => {
    // when
    const result = await compile(processXml(between(element, 'Activity_1')));

    // then
    expect(result.model).toBeUndefined();
    expect(result.errors).toEqual([{ elementId: 'Activity_1', message }]);
  });

  it.each(NOT_SUPPORTED_YET)('reports every element listed as not supported yet: %s', async (type) => {
    // given
    const local = type.slice('bpmn:'.length);
    const element = `<bpmn:${local.charAt(0).toLowerCase()}${local.slice(1)} id="Activity_1" />`;

    // when
    const result = await compile(processXml(between(element, 'Activity_1')));

    // then
    expect(result.errors).toEqual([{ elementId: 'Activity_1', message: expect.stringMatching(/^[A-Z][\w -]* Activity_1 is not supported yet$/) }]);
  });

  it('reports an event sub-process, which has no flows by nature', async () => {
    // given
    const xml = processXml(`${between(userTask('Task_1', 'Review'))}<bpmn:subProcess id="Activity_1" name="Escalate" triggeredByEvent="true" />`);

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toContainEqual({ elementId: 'Activity_1', message: 'Event sub-process "Escalate" (Activity_1) is not supported yet' });
  });

  it.each([
    ['a message start event', '<bpmn:startEvent id="Start_1" name="Complaint received"><bpmn:messageEventDefinition id="M_1" /></bpmn:startEvent>',
      'Start_1', 'Message start event "Complaint received" (Start_1) is not supported yet'],
    ['a timer start event', '<bpmn:startEvent id="Start_1" name="Twice a year"><bpmn:timerEventDefinition id="T_1" /></bpmn:startEvent>',
      'Start_1', 'Timer start event "Twice a year" (Start_1) is not supported yet'],
    ['an error end event', '<bpmn:endEvent id="End_1" name="Rejected"><bpmn:errorEventDefinition id="E_1" /></bpmn:endEvent>',
      'End_1', 'Error end event "Rejected" (End_1) is not supported yet'],
    ['an end event with two definitions', '<bpmn:endEvent id="End_1" name="Stop"><bpmn:terminateEventDefinition id="E_1" /><bpmn:messageEventDefinition id="E_2" /></bpmn:endEvent>',
      'End_1', 'Multiple end event "Stop" (End_1) is not supported yet'],
  ])('reports %s', async (_, event, id, message) => {
    // given
    const straight = between(userTask('Task_1', 'Review'));
    const xml = processXml(id === 'Start_1'
      ? straight.replace('<bpmn:startEvent id="Start_1" name="Start" />', event)
      : straight.replace('<bpmn:endEvent id="End_1" name="Done" />', event));

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([{ elementId: id, message }]);
  });

  it.each([
    ['a multi-instance marker', '<bpmn:multiInstanceLoopCharacteristics />', 'User task "Review" (Task_1) with a multi-instance marker is not supported yet'],
    ['a loop marker', '<bpmn:standardLoopCharacteristics />', 'User task "Review" (Task_1) with a loop marker is not supported yet'],
  ])('reports a user task with %s', async (_, marker, message) => {
    // given
    const task = `<bpmn:userTask id="Task_1" name="Review"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements>${marker}</bpmn:userTask>`;

    // when
    const result = await compile(processXml(between(task)));

    // then
    expect(result.errors).toEqual([{ elementId: 'Task_1', message }]);
  });

  it('reports a compensation handler', async () => {
    // given
    const task = userTask('Task_1', 'Undo release', '', 'isForCompensation="true"');

    // when
    const result = await compile(processXml(between(task)));

    // then
    expect(result.errors).toEqual([{ elementId: 'Task_1', message: 'User task "Undo release" (Task_1) as a compensation handler is not supported yet' }]);
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
