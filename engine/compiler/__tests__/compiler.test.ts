import { describe, expect, it } from 'vitest';
import { compile, compileOrThrow, CompileError, formatDiagnostics } from '../index';
import { between, escapeXml, flow, processXml, serviceTask, timerBoundary, userTask } from './bpmn-builder';

async function compileClean(xml: string) {
  const result = await compile(xml);
  expect(result.errors).toEqual([]);
  expect(result.model).toBeDefined();
  return result.model!;
}

describe('compile', () => {
  it('compiles start, user task and end into a model keyed by element id', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review draft')), { name: 'Document approval' });

    // when
    const model = await compileClean(xml);

    // then
    expect(model).toEqual({
      id: 'Process_1',
      name: 'Document approval',
      startEventId: 'Start_1',
      elements: {
        Start_1: { kind: 'startEvent', id: 'Start_1', name: 'Start', incoming: [], outgoing: ['Flow_in'], inputs: [], outputs: [], boundaryEvents: [] },
        Task_1: { kind: 'userTask', id: 'Task_1', name: 'Review draft', incoming: ['Flow_in'], outgoing: ['Flow_out'], inputs: [], outputs: [], boundaryEvents: [] },
        End_1: { kind: 'endEvent', id: 'End_1', name: 'Done', incoming: ['Flow_out'], outgoing: [], inputs: [], outputs: [], boundaryEvents: [], terminate: false },
      },
      flows: {
        Flow_in: { id: 'Flow_in', sourceRef: 'Start_1', targetRef: 'Task_1' },
        Flow_out: { id: 'Flow_out', sourceRef: 'Task_1', targetRef: 'End_1' },
      },
    });
  });

  it('names the model after the process id when the process has no name', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review')), { id: 'capa' });

    // when
    const model = await compileClean(xml);

    // then
    expect(model).toMatchObject({ id: 'capa', name: 'capa' });
  });

  it('falls back to the element id for an unnamed element and collapses line breaks in names', async () => {
    // given
    const xml = processXml(between('<bpmn:userTask id="Task_1" name="Check&#10;format"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>')
      .replace(' name="Start"', ''));

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.Start_1.name).toBe('Start_1');
    expect(model.elements.Task_1.name).toBe('Check format');
  });

  it('marks a terminate end event', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review')).replace(
      '<bpmn:endEvent id="End_1" name="Done" />',
      '<bpmn:endEvent id="End_1" name="Abort"><bpmn:terminateEventDefinition id="Terminate_1" /></bpmn:endEvent>',
    ));

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.End_1).toMatchObject({ kind: 'endEvent', terminate: true });
  });

  it('reads a user task assignment, schedule, priority, form id and mappings', async () => {
    // given
    const task = userTask('Task_1', 'Approve', [
      '<zeebe:assignmentDefinition assignee="=initiator" candidateGroups="quality, document-control" candidateUsers="alice,bob" />',
      '<zeebe:taskSchedule dueDate="P5D" followUpDate="=now() + duration(&quot;P3D&quot;)" />',
      '<zeebe:priorityDefinition priority="75" />',
      '<zeebe:formDefinition formId="approval-form" />',
      '<zeebe:ioMapping><zeebe:input source="=document.title" target="title" /><zeebe:input target="comment" />',
      '<zeebe:output source="=approved" target="decision.approved" /></zeebe:ioMapping>',
    ].join(''));

    // when
    const model = await compileClean(processXml(between(task)));

    // then
    expect(model.elements.Task_1).toEqual({
      kind: 'userTask',
      id: 'Task_1',
      name: 'Approve',
      incoming: ['Flow_in'],
      outgoing: ['Flow_out'],
      boundaryEvents: [],
      inputs: [{ source: '=document.title', target: 'title' }, { source: '=null', target: 'comment' }],
      outputs: [{ source: '=approved', target: 'decision.approved' }],
      assignee: '=initiator',
      candidateGroups: 'quality, document-control',
      candidateUsers: 'alice,bob',
      dueDate: 'P5D',
      followUpDate: '=now() + duration("P3D")',
      priority: '75',
      form: { formId: 'approval-form' },
    });
  });

  it('accepts an ISO 8601 date-time as a literal due date', async () => {
    // given
    const task = userTask('Task_1', 'Approve', '<zeebe:taskSchedule dueDate="2025-01-31T17:00:00+01:00" />');

    // when
    const model = await compileClean(processXml(between(task)));

    // then
    expect(model.elements.Task_1).toMatchObject({ dueDate: '2025-01-31T17:00:00+01:00' });
  });

  it('puts each embedded form into its user task as the schema', async () => {
    // given
    const approval = { type: 'default', components: [{ type: 'checkbox', key: 'approved', label: 'Approved' }] };
    const comment = { type: 'default', components: [{ type: 'textarea', key: 'comment', label: 'Comment' }] };
    const forms = [
      `<zeebe:userTaskForm id="UserTaskForm_1">${escapeXml(JSON.stringify(approval))}</zeebe:userTaskForm>`,
      `<zeebe:userTaskForm id="UserTaskForm_2">${escapeXml(JSON.stringify(comment))}</zeebe:userTaskForm>`,
    ].join('');
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />',
      userTask('Task_1', 'Approve', '<zeebe:formDefinition formKey="camunda-forms:bpmn:UserTaskForm_1" />'),
      userTask('Task_2', 'Comment', '<zeebe:formDefinition formKey="camunda-forms:bpmn:UserTaskForm_2" />'),
      '<bpmn:endEvent id="End_1" />',
      flow('F1', 'Start_1', 'Task_1'), flow('F2', 'Task_1', 'Task_2'), flow('F3', 'Task_2', 'End_1'),
    ].join('\n'), { extensions: forms });

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.Task_1).toMatchObject({ form: { schema: approval } });
    expect(model.elements.Task_2).toMatchObject({ form: { schema: comment } });
  });

  it('keeps an external reference form, and a custom form key, as an external reference', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />',
      userTask('Task_1', 'A', '<zeebe:formDefinition externalReference="https://forms.example.com/capa" />'),
      userTask('Task_2', 'B', '<zeebe:formDefinition formKey="custom:capa-triage" />'),
      '<bpmn:endEvent id="End_1" />',
      flow('F1', 'Start_1', 'Task_1'), flow('F2', 'Task_1', 'Task_2'), flow('F3', 'Task_2', 'End_1'),
    ].join('\n'));

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.Task_1).toMatchObject({ form: { externalReference: 'https://forms.example.com/capa' } });
    expect(model.elements.Task_2).toMatchObject({ form: { externalReference: 'custom:capa-triage' } });
  });

  it('reads a service task type, retries and headers, with three retries by default', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />',
      serviceTask('Task_1', 'Notify author', 'qualflow:notify',
        '<zeebe:taskHeaders><zeebe:header key="to" value="=author" /><zeebe:header key="subject" value="Released" /></zeebe:taskHeaders>'),
      '<bpmn:serviceTask id="Task_2" name="Archive"><bpmn:extensionElements><zeebe:taskDefinition type="archive" retries="5" /><zeebe:ioMapping><zeebe:input source="=documentId" target="id" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>',
      '<bpmn:endEvent id="End_1" />',
      flow('F1', 'Start_1', 'Task_1'), flow('F2', 'Task_1', 'Task_2'), flow('F3', 'Task_2', 'End_1'),
    ].join('\n'));

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.Task_1).toMatchObject({
      kind: 'serviceTask', taskType: 'qualflow:notify', retries: 3, headers: { to: '=author', subject: 'Released' },
    });
    expect(model.elements.Task_2).toMatchObject({
      kind: 'serviceTask', taskType: 'archive', retries: 5, headers: {}, inputs: [{ source: '=documentId', target: 'id' }],
    });
  });

  it('reads a script task expression without its leading "=" and its result variable', async () => {
    // given
    const task = '<bpmn:scriptTask id="Task_1" name="Score risk"><bpmn:extensionElements><zeebe:script expression="= severity * occurrence * detection" resultVariable="rpn" /></bpmn:extensionElements></bpmn:scriptTask>';

    // when
    const model = await compileClean(processXml(between(task)));

    // then
    expect(model.elements.Task_1).toMatchObject({ kind: 'scriptTask', expression: 'severity * occurrence * detection', resultVariable: 'rpn' });
  });

  it('compiles an exclusive gateway with FEEL conditions and a default flow', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />',
      userTask('Task_1', 'Decide'),
      '<bpmn:exclusiveGateway id="Gateway_1" name="Approved?" default="Flow_no" />',
      '<bpmn:endEvent id="End_yes" /><bpmn:endEvent id="End_no" />',
      flow('F1', 'Start_1', 'Task_1'), flow('F2', 'Task_1', 'Gateway_1'),
      flow('Flow_yes', 'Gateway_1', 'End_yes', '=approved = true', 'Yes'),
      flow('Flow_no', 'Gateway_1', 'End_no', undefined, 'No'),
    ].join('\n'));

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.Gateway_1).toMatchObject({ kind: 'exclusiveGateway', defaultFlow: 'Flow_no', outgoing: ['Flow_yes', 'Flow_no'] });
    expect(model.flows.Flow_yes).toEqual({ id: 'Flow_yes', name: 'Yes', sourceRef: 'Gateway_1', targetRef: 'End_yes', condition: 'approved = true' });
    expect(model.flows.Flow_no).toEqual({ id: 'Flow_no', name: 'No', sourceRef: 'Gateway_1', targetRef: 'End_no' });
  });

  it('compiles a parallel fork and join', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />',
      '<bpmn:parallelGateway id="Fork" /><bpmn:parallelGateway id="Join" />',
      userTask('Review_A', 'Review A'), userTask('Review_B', 'Review B'),
      '<bpmn:endEvent id="End_1" />',
      flow('F1', 'Start_1', 'Fork'), flow('F2', 'Fork', 'Review_A'), flow('F3', 'Fork', 'Review_B'),
      flow('F4', 'Review_A', 'Join'), flow('F5', 'Review_B', 'Join'), flow('F6', 'Join', 'End_1'),
    ].join('\n'));

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.Fork).toMatchObject({ kind: 'parallelGateway', incoming: ['F1'], outgoing: ['F2', 'F3'] });
    expect(model.elements.Join).toMatchObject({ kind: 'parallelGateway', incoming: ['F4', 'F5'], outgoing: ['F6'] });
  });

  it('lists every outgoing flow of a task with several, which the interpreter forks', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />', userTask('Task_1', 'Submit'),
      '<bpmn:endEvent id="End_1" /><bpmn:endEvent id="End_2" />',
      flow('F1', 'Start_1', 'Task_1'), flow('F2', 'Task_1', 'End_1'), flow('F3', 'Task_1', 'End_2'),
    ].join('\n'));

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.Task_1.outgoing).toEqual(['F2', 'F3']);
  });

  it('compiles interrupting and non-interrupting timer boundary events on a user task', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />', userTask('Task_1', 'Review'),
      timerBoundary('Remind', 'Reminder', 'Task_1', 'P3D', false),
      timerBoundary('Expire', 'Deadline', 'Task_1', '=reviewDeadline'),
      '<bpmn:endEvent id="End_1" /><bpmn:endEvent id="End_2" /><bpmn:endEvent id="End_3" />',
      flow('F1', 'Start_1', 'Task_1'), flow('F2', 'Task_1', 'End_1'), flow('F3', 'Remind', 'End_2'), flow('F4', 'Expire', 'End_3'),
    ].join('\n'));

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.Task_1.boundaryEvents).toEqual(['Remind', 'Expire']);
    expect(model.elements.Remind).toMatchObject({ kind: 'boundaryEvent', attachedTo: 'Task_1', cancelActivity: false, timer: { duration: 'P3D' }, outgoing: ['F3'] });
    expect(model.elements.Expire).toMatchObject({ kind: 'boundaryEvent', attachedTo: 'Task_1', cancelActivity: true, timer: { duration: '=reviewDeadline' } });
  });

  it('reads output mappings on events', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review')).replace(
      '<bpmn:endEvent id="End_1" name="Done" />',
      '<bpmn:endEvent id="End_1" name="Done"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=&quot;closed&quot;" target="status" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:endEvent>',
    ));

    // when
    const model = await compileClean(xml);

    // then
    expect(model.elements.End_1.outputs).toEqual([{ source: '="closed"', target: 'status' }]);
  });

  it('accepts text annotations, associations, groups, data objects and extension properties without complaint', async () => {
    // given
    const xml = processXml([
      between(userTask('Task_1', 'Review', '<zeebe:properties><zeebe:property name="sop" value="SOP-QA-0012" /></zeebe:properties>')),
      '<bpmn:dataObjectReference id="DataRef_1" name="Draft" dataObjectRef="DataObject_1" /><bpmn:dataObject id="DataObject_1" />',
      '<bpmn:textAnnotation id="Note_1"><bpmn:text>Reviewed within 5 days</bpmn:text></bpmn:textAnnotation>',
      '<bpmn:association id="Assoc_1" sourceRef="Task_1" targetRef="Note_1" />',
      '<bpmn:group id="Group_1" categoryValueRef="CategoryValue_1" />',
    ].join('\n')).replace('</bpmn:definitions>', '<bpmn:category id="Category_1"><bpmn:categoryValue id="CategoryValue_1" value="Review" /></bpmn:category></bpmn:definitions>');

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(Object.keys(result.model!.elements)).toEqual(['Start_1', 'Task_1', 'End_1']);
  });

  it('returns a model that survives a JSON round trip unchanged', async () => {
    // given
    const model = await compileClean(processXml(between(userTask('Task_1', 'Review'))));

    // when
    const copy = JSON.parse(JSON.stringify(model));

    // then
    expect(copy).toEqual(model);
  });
});

describe('compileOrThrow', () => {
  it('returns the model of a diagram without errors', async () => {
    // when
    const model = await compileOrThrow(processXml(between(userTask('Task_1', 'Review'))));

    // then
    expect(model.id).toBe('Process_1');
  });

  it('throws a CompileError carrying every error', async () => {
    // given
    const xml = processXml(between('<bpmn:complexGateway id="Task_1" name="Review" />'));

    // when
    const error = await compileOrThrow(xml).catch((caught: unknown) => caught);

    // then
    expect(error).toBeInstanceOf(CompileError);
    expect((error as CompileError).errors).toEqual([{ elementId: 'Task_1', message: 'Complex gateway "Review" (Task_1) is not supported by Qualflow' }]);
    expect((error as CompileError).message).toContain('Complex gateway "Review" (Task_1) is not supported by Qualflow');
  });
});

describe('formatDiagnostics', () => {
  it('prints one aligned line per diagnostic, errors before warnings', () => {
    // when
    const text = formatDiagnostics({
      errors: [{ elementId: 'Gateway_1', message: 'Gateway "Approved?" (Gateway_1) has no outgoing flow' }],
      warnings: [{ elementId: 'Process_1', message: 'Process Process_1 has no end event' }],
    });

    // then
    expect(text).toBe([
      'error    Gateway_1  Gateway "Approved?" (Gateway_1) has no outgoing flow',
      'warning  Process_1  Process Process_1 has no end event',
    ].join('\n'));
  });
});
