import { describe, expect, it } from 'vitest';
import { isTimeCycle } from '../literals';
import { compile } from '../index';
import { between, definitions, flow, processXml, userTask } from './bpmn-builder';

/** Root elements shared by the diagrams below. */
const ROOTS = [
  '<bpmn:message id="Msg_keyed" name="reply"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>',
  '<bpmn:message id="Msg_plain" name="complaint" />',
  '<bpmn:signal id="Sig" name="recall" />',
  '<bpmn:error id="Err" errorCode="REJECTED" name="Rejected" />',
  '<bpmn:error id="Err_dynamic" errorCode="=code" />',
  '<bpmn:escalation id="Esc" escalationCode="LATE" />',
].join('');

/** A process with `body` and the shared root elements. */
function diagram(body: string): string {
  return definitions(`${ROOTS}<bpmn:process id="Process_1" isExecutable="true">${body}</bpmn:process>`);
}

const timer = (kind: 'Duration' | 'Date' | 'Cycle', value: string) =>
  `<bpmn:timerEventDefinition id="Def_1"><bpmn:time${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:time${kind}></bpmn:timerEventDefinition>`;

/** `event` (id `Event_1`) as the process's only start event, leading to an end event. */
function asStart(event: string): string {
  return diagram(`${event}<bpmn:endEvent id="End_1" />${flow('F1', 'Event_1', 'End_1')}`);
}

describe('time cycles', () => {
  it.each(['R5/PT10M', 'R/P1D', 'R3/2026-12-01T09:00:00Z/P1D', '0 0 9 * * MON-FRI', '0 */15 * ? * *', '@daily'])('accepts %s', (cycle) => {
    expect(isTimeCycle(cycle)).toBe(true);
  });

  it.each(['PT10M', 'R5', 'R/every day', '0 9 * * *', 'daily'])('rejects %s', (cycle) => {
    expect(isTimeCycle(cycle)).toBe(false);
  });
});

describe('start events', () => {
  it('compiles a process with only a timer start; its start event id is empty', async () => {
    // when
    const { model, errors } = await compile(asStart(`<bpmn:startEvent id="Event_1">${timer('Date', '2026-12-01T09:00:00Z')}</bpmn:startEvent>`));

    // then
    expect(errors).toEqual([]);
    expect(model?.startEventId).toBe('');
    expect(model?.elements.Event_1).toMatchObject({ kind: 'startEvent', trigger: { type: 'timer', timer: { date: '2026-12-01T09:00:00Z' } } });
  });

  it('refuses a timer start event with a duration, as Camunda does', async () => {
    // when
    const { errors } = await compile(asStart(`<bpmn:startEvent id="Event_1">${timer('Duration', 'PT1H')}</bpmn:startEvent>`));

    // then
    expect(errors).toEqual([{ elementId: 'Event_1', message: 'Timer start event Event_1 with a time duration is not supported: here it must have a time date or a time cycle' }]);
  });

  it('accepts a message start without a correlation key, and warns that a key is ignored', async () => {
    // when
    const plain = await compile(asStart('<bpmn:startEvent id="Event_1"><bpmn:messageEventDefinition id="Def_1" messageRef="Msg_plain" /></bpmn:startEvent>'));
    const keyed = await compile(asStart('<bpmn:startEvent id="Event_1"><bpmn:messageEventDefinition id="Def_1" messageRef="Msg_keyed" /></bpmn:startEvent>'));

    // then
    expect(plain.errors).toEqual([]);
    expect(plain.warnings).toEqual([]);
    expect(keyed.model?.elements.Event_1).toMatchObject({ trigger: { type: 'message', messageName: 'reply' } });
    expect(keyed.warnings).toEqual([{ elementId: 'Event_1', message: 'Message start event Event_1 refers to message "reply" (Msg_keyed), whose correlation key is ignored: a message start event starts a new instance' }]);
  });

  it('refuses a process without any start event', async () => {
    // when
    const { errors } = await compile(diagram('<bpmn:endEvent id="End_1" />'));

    // then
    expect(errors).toContainEqual({ elementId: 'Process_1', message: 'Process Process_1 has no start event' });
  });
});

describe('boundary events', () => {
  /** `boundary` (id `Boundary_1`) on the user task `Task_1`, leading to its own end event. */
  const onTask = (boundary: string) => diagram([
    between(userTask('Task_1', 'Review')), boundary, '<bpmn:endEvent id="End_2" />', flow('F_b', 'Boundary_1', 'End_2'),
  ].join(''));

  it('accepts a non-interrupting cycle timer and keeps the old duration field for duration timers', async () => {
    // when
    const cycle = await compile(onTask(`<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1" cancelActivity="false">${timer('Cycle', 'R/PT1H')}</bpmn:boundaryEvent>`));
    const duration = await compile(onTask(`<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1">${timer('Duration', '=slack')}</bpmn:boundaryEvent>`));

    // then
    expect(cycle.model?.elements.Boundary_1).toEqual(expect.objectContaining({ cancelActivity: false, trigger: { type: 'timer', timer: { cycle: 'R/PT1H' } } }));
    expect(cycle.model?.elements.Boundary_1).not.toHaveProperty('timer');
    expect(duration.model?.elements.Boundary_1).toMatchObject({ timer: { duration: '=slack' }, trigger: { type: 'timer', timer: { duration: '=slack' } } });
  });

  it.each([
    ['a non-interrupting error boundary', '<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1" cancelActivity="false"><bpmn:errorEventDefinition id="Def_1" errorRef="Err" /></bpmn:boundaryEvent>',
      'Error boundary event Boundary_1 must be interrupting: an error boundary event always cancels the activity'],
    ['an error boundary catching an expression', '<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1"><bpmn:errorEventDefinition id="Def_1" errorRef="Err_dynamic" /></bpmn:boundaryEvent>',
      'Error boundary event Boundary_1 catches the error code "=code"; a catch event\'s error code must be a static value, not an expression'],
    ['a message boundary whose message has no correlation key', '<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1"><bpmn:messageEventDefinition id="Def_1" messageRef="Msg_plain" /></bpmn:boundaryEvent>',
      'Message boundary event Boundary_1 refers to message "complaint" (Msg_plain), which must have a defined subscription correlation key (zeebe:subscription)'],
    ['a signal boundary referring to a missing signal', '<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1"><bpmn:signalEventDefinition id="Def_1" signalRef="Sig_9" /></bpmn:boundaryEvent>',
      'Signal boundary event Boundary_1 refers to a signal "Sig_9", which does not exist'],
    ['a link boundary', '<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1"><bpmn:linkEventDefinition id="Def_1" name="x" /></bpmn:boundaryEvent>',
      'Link boundary event Boundary_1 is not supported; here an event may be timer, message, signal, error, escalation or compensation'],
  ])('reports %s', async (_, boundary, message) => {
    // when
    const { errors } = await compile(onTask(boundary));

    // then
    expect(errors).toEqual([{ elementId: 'Boundary_1', message }]);
  });

  it('reports two boundary events of one activity catching the same error code or message', async () => {
    // given
    const twice = (definition: string) => onTask([
      `<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1">${definition.replace('ID', 'Def_1')}</bpmn:boundaryEvent>`,
      `<bpmn:boundaryEvent id="Boundary_2" attachedToRef="Task_1">${definition.replace('ID', 'Def_2')}</bpmn:boundaryEvent>`,
      flow('F_b2', 'Boundary_2', 'End_2'),
    ].join(''));

    // when
    const errors = await compile(twice('<bpmn:errorEventDefinition id="ID" errorRef="Err" />'));
    const messages = await compile(twice('<bpmn:messageEventDefinition id="ID" messageRef="Msg_keyed" />'));

    // then
    expect(errors.errors).toEqual([{ elementId: 'Boundary_2', message: 'Error boundary event Boundary_2 catches the error code "REJECTED", like error boundary event Boundary_1; the boundary events of user task "Review" (Task_1) must catch different ones' }]);
    expect(messages.errors).toEqual([{ elementId: 'Boundary_2', message: 'Message boundary event Boundary_2 catches the message "reply", like message boundary event Boundary_1; the boundary events of user task "Review" (Task_1) must catch different ones' }]);
  });

  it('catches every error when the error boundary refers to no error', async () => {
    // when
    const { model } = await compile(onTask('<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Task_1"><bpmn:errorEventDefinition id="Def_1" /></bpmn:boundaryEvent>'));

    // then
    expect(model?.elements.Boundary_1).toMatchObject({ trigger: { type: 'error' }, cancelActivity: true });
  });

  it('attaches to a call activity and a sub-process', async () => {
    // given
    const xml = diagram([
      '<bpmn:startEvent id="Start_1" />',
      '<bpmn:callActivity id="Call_1"><bpmn:extensionElements><zeebe:calledElement processId="child" /></bpmn:extensionElements></bpmn:callActivity>',
      '<bpmn:subProcess id="Sub_1"><bpmn:startEvent id="Sub_start" /><bpmn:endEvent id="Sub_end" />', flow('SF1', 'Sub_start', 'Sub_end'), '</bpmn:subProcess>',
      '<bpmn:boundaryEvent id="Boundary_1" attachedToRef="Call_1"><bpmn:escalationEventDefinition id="Def_1" escalationRef="Esc" /></bpmn:boundaryEvent>',
      '<bpmn:boundaryEvent id="Boundary_2" attachedToRef="Sub_1" cancelActivity="false"><bpmn:signalEventDefinition id="Def_2" signalRef="Sig" /></bpmn:boundaryEvent>',
      '<bpmn:endEvent id="End_1" />',
      flow('F1', 'Start_1', 'Call_1'), flow('F2', 'Call_1', 'Sub_1'), flow('F3', 'Sub_1', 'End_1'), flow('F4', 'Boundary_1', 'End_1'), flow('F5', 'Boundary_2', 'End_1'),
    ].join(''));

    // when
    const { model, errors } = await compile(xml);

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Call_1.boundaryEvents).toEqual(['Boundary_1']);
    expect(model?.elements.Sub_1.boundaryEvents).toEqual(['Boundary_2']);
    expect(model?.elements.Boundary_1).toMatchObject({ attachedTo: 'Call_1', trigger: { type: 'escalation', escalationCode: 'LATE' } });
  });
});

describe('intermediate events', () => {
  /** `event` (id `Event_1`) between a start and an end event. */
  const inPath = (event: string) => diagram(between(event, 'Event_1'));

  it.each([
    ['a message catch', '<bpmn:intermediateCatchEvent id="Event_1"><bpmn:messageEventDefinition id="Def_1" messageRef="Msg_keyed" /></bpmn:intermediateCatchEvent>',
      { type: 'message', messageName: 'reply', correlationKey: '=caseId' }],
    ['a FEEL timer duration', `<bpmn:intermediateCatchEvent id="Event_1">${timer('Duration', '=business days(3)')}</bpmn:intermediateCatchEvent>`,
      { type: 'timer', timer: { duration: '=business days(3)' } }],
    ['a signal throw', '<bpmn:intermediateThrowEvent id="Event_1"><bpmn:signalEventDefinition id="Def_1" signalRef="Sig" /></bpmn:intermediateThrowEvent>',
      { type: 'signal', signalName: 'recall' }],
    ['a compensation throw of every activity', '<bpmn:intermediateThrowEvent id="Event_1"><bpmn:compensateEventDefinition id="Def_1" /></bpmn:intermediateThrowEvent>',
      { type: 'compensation', waitForCompletion: true }],
  ])('compiles %s', async (_, event, trigger) => {
    // when
    const { model, errors } = await compile(inPath(event));

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Event_1).toMatchObject({ trigger });
  });

  it.each([
    ['a catch event without a definition', '<bpmn:intermediateCatchEvent id="Event_1" />',
      'Intermediate catch event Event_1 must have an event definition (timer, message, signal or link)'],
    ['an escalation throw without an escalation', '<bpmn:intermediateThrowEvent id="Event_1"><bpmn:escalationEventDefinition id="Def_1" /></bpmn:intermediateThrowEvent>',
      'Escalation intermediate throw event Event_1 must have a defined escalation reference'],
    ['a message throw without a job', '<bpmn:intermediateThrowEvent id="Event_1"><bpmn:messageEventDefinition id="Def_1" messageRef="Msg_plain" /></bpmn:intermediateThrowEvent>',
      'Message intermediate throw event Event_1 must have a defined task definition type (zeebe:taskDefinition)'],
    ['a compensation throw that does not wait for completion', '<bpmn:intermediateThrowEvent id="Event_1"><bpmn:compensateEventDefinition id="Def_1" waitForCompletion="false" /></bpmn:intermediateThrowEvent>',
      'Compensation intermediate throw event Event_1 with wait for completion disabled is not supported: compensation always waits for its handlers'],
    ['a timer with two values', '<bpmn:intermediateCatchEvent id="Event_1"><bpmn:timerEventDefinition id="Def_1"><bpmn:timeDuration>PT1H</bpmn:timeDuration><bpmn:timeDate>2026-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      'Timer intermediate catch event Event_1 has more than one timer value; it must have exactly one: a time duration or a time date'],
  ])('reports %s', async (_, event, message) => {
    // when
    const { errors } = await compile(inPath(event));

    // then
    expect(errors).toEqual([{ elementId: 'Event_1', message }]);
  });

  it('jumps from a link throw to the link catch of the same name', async () => {
    // given
    const xml = diagram([
      '<bpmn:startEvent id="Start_1" />',
      '<bpmn:intermediateThrowEvent id="Throw_1"><bpmn:linkEventDefinition id="Def_1" name="rework" /></bpmn:intermediateThrowEvent>',
      '<bpmn:intermediateCatchEvent id="Catch_1"><bpmn:linkEventDefinition id="Def_2" name="rework" /></bpmn:intermediateCatchEvent>',
      '<bpmn:endEvent id="End_1" />',
      flow('F1', 'Start_1', 'Throw_1'), flow('F2', 'Catch_1', 'End_1'),
    ].join(''));

    // when
    const { model, errors, warnings } = await compile(xml);

    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(model?.elements.Catch_1).toMatchObject({ incoming: [], trigger: { type: 'link', linkName: 'rework' } });
  });
});

describe('end events', () => {
  const ending = (event: string) => diagram(between(userTask('Task_1', 'Review')).replace('<bpmn:endEvent id="End_1" name="Done" />', event));

  it('throws the error with its code and name', async () => {
    // when
    const { model } = await compile(ending('<bpmn:endEvent id="End_1"><bpmn:errorEventDefinition id="Def_1" errorRef="Err" /></bpmn:endEvent>'));

    // then
    expect(model?.elements.End_1).toMatchObject({ terminate: false, trigger: { type: 'error', errorCode: 'REJECTED', errorMessage: 'Rejected' } });
  });

  it('warns that a task definition on a plain end event is ignored', async () => {
    // when
    const { warnings } = await compile(ending('<bpmn:endEvent id="End_1"><bpmn:extensionElements><zeebe:taskDefinition type="x" /></bpmn:extensionElements></bpmn:endEvent>'));

    // then
    expect(warnings).toEqual([{ elementId: 'End_1', message: 'End event End_1 has a job worker task definition or task headers, which only message end events use; they are ignored' }]);
  });

  it('reports a terminate definition on an intermediate throw event', async () => {
    // when
    const { errors } = await compile(diagram(between('<bpmn:intermediateThrowEvent id="Event_1"><bpmn:terminateEventDefinition id="Def_1" /></bpmn:intermediateThrowEvent>', 'Event_1')));

    // then
    expect(errors).toEqual([{ elementId: 'Event_1', message: 'Terminate intermediate throw event Event_1 is not supported; here an event may be none, signal, escalation, link, compensation or message' }]);
  });
});

describe('compensation throw events', () => {
  /** `Ship` at process level and `Pack` inside `Sub_1`; `throwing` sits where `where` says. */
  const scopes = (throwing: string, where: 'process' | 'event sub-process') => definitions(`${ROOTS}<bpmn:process id="Process_1" isExecutable="true">${[
    '<bpmn:startEvent id="Start_1" /><bpmn:task id="Ship" />',
    '<bpmn:subProcess id="Sub_1"><bpmn:startEvent id="In_start" /><bpmn:task id="Pack" /><bpmn:endEvent id="In_end" />',
    flow('IF1', 'In_start', 'Pack'), flow('IF2', 'Pack', 'In_end'), '</bpmn:subProcess>',
    where === 'process' ? throwing : '',
    '<bpmn:endEvent id="End_1" />', flow('F1', 'Start_1', 'Ship'), flow('F2', 'Ship', 'Sub_1'),
    where === 'process' ? `${flow('F3', 'Sub_1', 'Event_1')}${flow('F4', 'Event_1', 'End_1')}` : flow('F3', 'Sub_1', 'End_1'),
    where === 'event sub-process'
      ? `<bpmn:subProcess id="Esp_1" triggeredByEvent="true"><bpmn:startEvent id="Esp_start"><bpmn:errorEventDefinition id="D9" /></bpmn:startEvent>${throwing}<bpmn:endEvent id="Esp_end" />${flow('EF1', 'Esp_start', 'Event_1')}${flow('EF2', 'Event_1', 'Esp_end')}</bpmn:subProcess>`
      : '',
  ].join('')}</bpmn:process>`);
  const compensate = (activity: string) =>
    `<bpmn:intermediateThrowEvent id="Event_1"><bpmn:compensateEventDefinition id="D1" activityRef="${activity}" /></bpmn:intermediateThrowEvent>`;

  it('may compensate an activity of the parent scope from an event sub-process', async () => {
    // when
    const { model, errors } = await compile(scopes(compensate('Ship'), 'event sub-process'));

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Event_1).toMatchObject({ parent: 'Esp_1', trigger: { type: 'compensation', activityRef: 'Ship', waitForCompletion: true } });
  });

  it('reports compensating an activity inside another scope', async () => {
    // when
    const { errors } = await compile(scopes(compensate('Pack'), 'process'));

    // then
    expect(errors).toEqual([{ elementId: 'Event_1', message: 'Compensation intermediate throw event Event_1 compensates task Pack, which is not in the same scope; it must be an activity of the same process or sub-process' }]);
  });
});
