import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { between, flow, processXml, serviceTask, timerBoundary, userTask } from './bpmn-builder';

/** Compiles one element `Task_1` between a start and an end event. */
async function diagnoseTask(element: string, processExtensions?: string) {
  return compile(processXml(between(element), { extensions: processExtensions }));
}

describe('user task', () => {
  it('reports invalid FEEL in the assignment and invalid literal schedule and priority values', async () => {
    // given
    const task = userTask('Task_1', 'Approve', [
      '<zeebe:assignmentDefinition assignee="=owner ?" candidateGroups="=groups +" candidateUsers="=if x then" />',
      '<zeebe:taskSchedule dueDate="next Friday" followUpDate="=today(" />',
      '<zeebe:priorityDefinition priority="150" />',
    ].join(''));

    // when
    const { errors } = await diagnoseTask(task);

    // then
    expect(errors).toEqual([
      { elementId: 'Task_1', message: 'User task "Approve" (Task_1) has an invalid FEEL expression in the assignee: unexpected "?" at character 7' },
      { elementId: 'Task_1', message: 'User task "Approve" (Task_1) has an invalid FEEL expression in the candidate groups: the calculation is incomplete at the end' },
      { elementId: 'Task_1', message: 'User task "Approve" (Task_1) has an invalid FEEL expression in the candidate users: the if expression is incomplete at the end' },
      { elementId: 'Task_1', message: 'User task "Approve" (Task_1) has the due date "next Friday"; it must be an expression (=...), or an ISO 8601 date-time (2025-01-31T17:00:00Z) or duration (P5D)' },
      { elementId: 'Task_1', message: 'User task "Approve" (Task_1) has an invalid FEEL expression in the follow-up date: the function call is incomplete at the end' },
      { elementId: 'Task_1', message: 'User task "Approve" (Task_1) has the priority "150"; it must be an expression (=...), or an integer between 0 and 100' },
    ]);
  });

  it('reports a form definition that names no form, or more than one', async () => {
    // given
    const none = userTask('Task_1', 'Approve', '<zeebe:formDefinition />');
    const both = userTask('Task_1', 'Approve', '<zeebe:formDefinition formId="a" externalReference="b" />');

    // when
    const results = await Promise.all([diagnoseTask(none), diagnoseTask(both)]);

    // then
    expect(results[0].errors).toEqual([{ elementId: 'Task_1', message: 'User task "Approve" (Task_1) has a form definition without a form id, form key or external reference' }]);
    expect(results[1].errors).toEqual([{ elementId: 'Task_1', message: 'User task "Approve" (Task_1) has a form definition with more than one of form id, form key and external reference; keep one' }]);
  });

  it('reports an invalid FEEL external form reference', async () => {
    // given
    const task = userTask('Task_1', 'Approve', '<zeebe:formDefinition externalReference="=&quot;https://forms/&quot; +" />');

    // when
    const { errors } = await diagnoseTask(task);

    // then
    expect(errors).toEqual([{ elementId: 'Task_1', message: 'User task "Approve" (Task_1) has an invalid FEEL expression in the form external reference: the calculation is incomplete at the end' }]);
  });

  it.each([
    ['does not exist', undefined, 'User task "Approve" (Task_1) uses the embedded form "UserTaskForm_1", which does not exist in the process'],
    ['is empty', '<zeebe:userTaskForm id="UserTaskForm_1" />', 'User task "Approve" (Task_1) uses the embedded form "UserTaskForm_1", which is empty'],
    ['is not valid JSON', '<zeebe:userTaskForm id="UserTaskForm_1">{ "components": [ </zeebe:userTaskForm>',
      /^User task "Approve" \(Task_1\) uses the embedded form "UserTaskForm_1", which is not valid JSON: .+/],
    ['is not a JSON object', '<zeebe:userTaskForm id="UserTaskForm_1">[1, 2]</zeebe:userTaskForm>',
      'User task "Approve" (Task_1) uses the embedded form "UserTaskForm_1", which is not a form schema (a JSON object)'],
  ])('reports an embedded form that %s', async (_, form, message) => {
    // given
    const task = userTask('Task_1', 'Approve', '<zeebe:formDefinition formKey="camunda-forms:bpmn:UserTaskForm_1" />');

    // when
    const { errors } = await diagnoseTask(task, form);

    // then
    expect(errors).toEqual([{ elementId: 'Task_1', message: typeof message === 'string' ? message : expect.stringMatching(message) }]);
  });

  it('warns about settings it does not act on yet', async () => {
    // given
    const task = [
      '<bpmn:userTask id="Task_1" name="Approve" qualflow:signatureRequired="true" qualflow:signatureMeaning="approval"><bpmn:extensionElements>',
      '<zeebe:taskHeaders><zeebe:header key="a" value="b" /></zeebe:taskHeaders>',
      '</bpmn:extensionElements></bpmn:userTask>',
    ].join('');

    // when
    const { errors, warnings } = await diagnoseTask(task);

    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      { elementId: 'Task_1', message: 'User task "Approve" (Task_1) uses the job worker implementation; Qualflow runs it as a Camunda user task' },
    ]);
  });
});

describe('input/output mappings', () => {
  it('reports mappings without a variable, with an invalid variable name, without a value, or with invalid FEEL', async () => {
    // given
    const task = userTask('Task_1', 'Review', [
      '<zeebe:ioMapping>',
      '<zeebe:input source="=a" /><zeebe:input source="=a" target="2nd reviewer" /><zeebe:input source="=a +" target="sum" />',
      '<zeebe:output source="=b" /><zeebe:output target="result" />',
      '</zeebe:ioMapping>',
    ].join(''));

    // when
    const { errors } = await diagnoseTask(task);

    // then
    expect(errors).toEqual([
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) has an input mapping that must have a defined local variable name' },
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) has an input mapping to "2nd reviewer"; variable names must start with a letter or an underscore, and may contain only letters, digits, underscores, and dots' },
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) has an invalid FEEL expression in the input mapping to "sum": the calculation is incomplete at the end' },
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) has an output mapping that must have a defined process variable name' },
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) has an output mapping to "result" without a value' },
    ]);
  });

  it('reports input mappings on an event', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review')).replace(
      '<bpmn:endEvent id="End_1" name="Done" />',
      '<bpmn:endEvent id="End_1" name="Done"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=1" target="x" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:endEvent>',
    ));

    // when
    const { errors } = await compile(xml);

    // then
    expect(errors).toEqual([{ elementId: 'End_1', message: 'End event "Done" (End_1) has input mappings; only tasks support input mappings' }]);
  });
});

describe('service task', () => {
  it('reports a service task without a task definition type', async () => {
    // given
    const withoutDefinition = '<bpmn:serviceTask id="Task_1" name="Notify" />';
    const withoutType = '<bpmn:serviceTask id="Task_1" name="Notify"><bpmn:extensionElements><zeebe:taskDefinition retries="2" /></bpmn:extensionElements></bpmn:serviceTask>';

    // when
    const results = await Promise.all([diagnoseTask(withoutDefinition), diagnoseTask(withoutType)]);

    // then
    for (const { errors } of results) {
      expect(errors).toEqual([{ elementId: 'Task_1', message: 'Service task "Notify" (Task_1) must have a defined task definition type' }]);
    }
  });

  it('reports invalid retries, an invalid FEEL type and bad headers, all at once', async () => {
    // given
    const task = [
      '<bpmn:serviceTask id="Task_1" name="Notify"><bpmn:extensionElements>',
      '<zeebe:taskDefinition type="=&quot;qualflow:&quot; +" retries="many" />',
      '<zeebe:taskHeaders><zeebe:header value="x" /><zeebe:header key="to" value="a" /><zeebe:header key="to" value="b" /><zeebe:header key="cc" value="=owner." /></zeebe:taskHeaders>',
      '</bpmn:extensionElements></bpmn:serviceTask>',
    ].join('');
    const expressionRetries = serviceTask('Task_1', 'Notify').replace('type="qualflow:notify"', 'type="qualflow:notify" retries="=attempts"');

    // when
    const results = await Promise.all([diagnoseTask(task), diagnoseTask(expressionRetries)]);

    // then
    expect(results[0].errors).toEqual([
      { elementId: 'Task_1', message: 'Service task "Notify" (Task_1) has a task header without a key' },
      { elementId: 'Task_1', message: 'Service task "Notify" (Task_1) with two or more task headers with the same key (to) is not supported' },
      { elementId: 'Task_1', message: 'Service task "Notify" (Task_1) has an invalid FEEL expression in the task header "cc": the path is incomplete at the end' },
      { elementId: 'Task_1', message: 'Service task "Notify" (Task_1) has retries "many"; it must be a whole number' },
      { elementId: 'Task_1', message: 'Service task "Notify" (Task_1) has an invalid FEEL expression in the task definition type: the calculation is incomplete at the end' },
    ]);
    expect(results[1].errors).toEqual([{ elementId: 'Task_1', message: 'Service task "Notify" (Task_1) has retries "=attempts"; expressions are not supported yet' }]);
  });
});

describe('script task', () => {
  const script = (attributes: string) =>
    `<bpmn:scriptTask id="Task_1" name="Score risk"><bpmn:extensionElements><zeebe:script ${attributes} /></bpmn:extensionElements></bpmn:scriptTask>`;

  it('reports a script task without an implementation', async () => {
    // when
    const { errors } = await diagnoseTask('<bpmn:scriptTask id="Task_1" name="Score risk" />');

    // then
    expect(errors).toEqual([{ elementId: 'Task_1', message: 'Script task "Score risk" (Task_1) must have a defined implementation: a FEEL expression and a result variable (zeebe:script), or a job worker task definition (zeebe:taskDefinition)' }]);
  });

  it('accepts a job worker script task', async () => {
    // given
    const task = '<bpmn:scriptTask id="Task_1" name="Score risk"><bpmn:extensionElements><zeebe:taskDefinition type="python" /></bpmn:extensionElements></bpmn:scriptTask>';

    // when
    const { errors } = await diagnoseTask(task);

    // then
    expect(errors).toEqual([]);
  });

  it.each([
    ['no expression and no result variable', '', [
      'Script task "Score risk" (Task_1) must have a defined FEEL expression',
      'Script task "Score risk" (Task_1) must have a defined result variable',
    ]],
    ['an expression without "="', 'expression="a * b" resultVariable="rpn"', [
      'Script task "Score risk" (Task_1) has the script expression "a * b", which must be a FEEL expression starting with "="',
    ]],
    ['invalid FEEL and an invalid result variable', 'expression="=a *" resultVariable="risk score"', [
      'Script task "Score risk" (Task_1) has an invalid FEEL expression in the script expression: the calculation is incomplete at the end',
      'Script task "Score risk" (Task_1) has the result variable "risk score"; variable names must start with a letter or an underscore, and may contain only letters, digits, underscores, and dots',
    ]],
  ])('reports %s', async (_, attributes, messages) => {
    // when
    const { errors } = await diagnoseTask(script(attributes));

    // then
    expect(errors).toEqual(messages.map((message) => ({ elementId: 'Task_1', message })));
  });
});

describe('boundary event', () => {
  const onTask = (boundary: string, host = userTask('Task_1', 'Review')) => processXml([
    '<bpmn:startEvent id="Start_1" />', host, boundary,
    '<bpmn:endEvent id="End_1" /><bpmn:endEvent id="End_2" />',
    flow('F1', 'Start_1', 'Task_1'), flow('F2', 'Task_1', 'End_1'), flow('F3', 'Boundary_1', 'End_2'),
  ].join('\n'));
  const timer = (definition: string) =>
    `<bpmn:boundaryEvent id="Boundary_1" name="Overdue" attachedToRef="Task_1"><bpmn:timerEventDefinition id="Timer_1">${definition}</bpmn:timerEventDefinition></bpmn:boundaryEvent>`;

  it.each([
    ['without an event definition', '<bpmn:boundaryEvent id="Boundary_1" name="Overdue" attachedToRef="Task_1" />',
      'Boundary event "Overdue" (Boundary_1) must have an event definition (timer, message, signal, error, escalation or compensation)'],
    ['with a message', '<bpmn:boundaryEvent id="Boundary_1" name="Withdrawn" attachedToRef="Task_1"><bpmn:messageEventDefinition id="M_1" /></bpmn:boundaryEvent>',
      'Message boundary event "Withdrawn" (Boundary_1) must have a defined message reference'],
    ['with a time date that is not ISO 8601', timer('<bpmn:timeDate xsi:type="bpmn:tFormalExpression">30.06.2025</bpmn:timeDate>'),
      'Timer boundary event "Overdue" (Boundary_1) has the time date "30.06.2025"; it must be an expression (=...), or an ISO 8601 date such as 2026-12-01T09:00:00Z'],
    ['with a time cycle', timer('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/PT1H</bpmn:timeCycle>'),
      'Timer boundary event "Overdue" (Boundary_1) with a time cycle is not supported: a time cycle is only allowed on a non-interrupting event'],
    ['without a timer value', timer(''),
      'Timer boundary event "Overdue" (Boundary_1) must have a defined timer value; it must have exactly one: a time duration or a time date'],
    ['with a duration that is not ISO 8601', timer('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">3 days</bpmn:timeDuration>'),
      'Timer boundary event "Overdue" (Boundary_1) has the time duration "3 days"; it must be an expression (=...), or an ISO 8601 interval such as PT2H or P3D'],
    ['with invalid FEEL', timer('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=duration(</bpmn:timeDuration>'),
      'Timer boundary event "Overdue" (Boundary_1) has an invalid FEEL expression in the time duration: the date, time or duration is incomplete at the end'],
    ['attached to nothing', '<bpmn:boundaryEvent id="Boundary_1" name="Overdue"><bpmn:timerEventDefinition id="T_1"><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>',
      'Timer boundary event "Overdue" (Boundary_1) is not attached to any activity'],
    ['attached to an element that does not exist', timerBoundary('Boundary_1', 'Overdue', 'Task_9', 'P1D'),
      'Timer boundary event "Overdue" (Boundary_1) is attached to "Task_9", which does not exist'],
    ['attached to something that is not a task of the process', timerBoundary('Boundary_1', 'Overdue', 'F1', 'P1D'),
      'Timer boundary event "Overdue" (Boundary_1) is attached to sequence flow F1, which is not an activity of the same process or sub-process'],
  ])('reports a boundary event %s', async (_, boundary, message) => {
    // when
    const { errors } = await compile(onTask(boundary));

    // then
    expect(errors).toEqual([{ elementId: 'Boundary_1', message }]);
  });

  it('reports a boundary event attached to a gateway', async () => {
    // given
    const xml = onTask(timerBoundary('Boundary_1', 'Too slow', 'Task_1', 'PT10M'), '<bpmn:exclusiveGateway id="Task_1" name="Route" />');

    // when
    const { errors } = await compile(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Boundary_1', message: 'Timer boundary event "Too slow" (Boundary_1) is attached to gateway "Route" (Task_1); a boundary event can only be attached to a task, sub-process or call activity' }]);
  });
});
