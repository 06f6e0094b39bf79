import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { definitions, flow, processXml } from './bpmn-builder';

/** `start → Sub_1 (content) → end` at process level. */
function withSubProcess(content: string, attributes = ''): string {
  return processXml([
    '<bpmn:startEvent id="Start_1" />',
    `<bpmn:subProcess id="Sub_1" name="Rework"${attributes}>${content}</bpmn:subProcess>`,
    '<bpmn:endEvent id="End_1" />',
    flow('F1', 'Start_1', 'Sub_1'), flow('F2', 'Sub_1', 'End_1'),
  ].join(''));
}

const INNER = ['<bpmn:startEvent id="In_start" />', '<bpmn:task id="In_task" />', '<bpmn:endEvent id="In_end" />', flow('IF1', 'In_start', 'In_task'), flow('IF2', 'In_task', 'In_end')].join('');

describe('embedded sub-processes', () => {
  it('compiles the elements inside with the sub-process as their parent', async () => {
    // when
    const { model, errors } = await compile(withSubProcess(INNER));

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Sub_1).toMatchObject({ kind: 'subProcess', startEventId: 'In_start', eventSubProcesses: [], incoming: ['F1'], outgoing: ['F2'] });
    expect(model?.elements.In_task).toMatchObject({ kind: 'task', parent: 'Sub_1', incoming: ['IF1'], outgoing: ['IF2'] });
    expect(Object.keys(model?.flows ?? {}).sort()).toEqual(['F1', 'F2', 'IF1', 'IF2']);
  });

  it('reports a sub-process without a start event, and one whose start event has a trigger', async () => {
    // when
    const empty = await compile(withSubProcess(''));
    const timed = await compile(withSubProcess(INNER.replace('<bpmn:startEvent id="In_start" />', '<bpmn:startEvent id="In_start"><bpmn:signalEventDefinition id="D" /></bpmn:startEvent>')));

    // then
    expect(empty.errors).toEqual([{ elementId: 'Sub_1', message: 'Sub-process "Rework" (Sub_1) must have exactly one start event; it has no start events' }]);
    expect(timed.errors).toEqual([{ elementId: 'In_start', message: 'Signal start event In_start is not supported; here an event may be none' }]);
  });

  it('reports a sequence flow that crosses the sub-process boundary', async () => {
    // given
    const xml = withSubProcess(INNER).replace(flow('F2', 'Sub_1', 'End_1'), `${flow('F2', 'Sub_1', 'End_1')}${flow('F3', 'In_task', 'End_1')}`);

    // when
    const { errors } = await compile(xml);

    // then
    expect(errors).toEqual([{ elementId: 'F3', message: 'Sequence flow F3 has the source task In_task, which is in another scope; a sequence flow cannot cross the boundary of a sub-process' }]);
  });

  it('checks reachability inside the sub-process on its own', async () => {
    // given
    const xml = withSubProcess(`${INNER}<bpmn:task id="In_orphan" />${flow('IF3', 'In_orphan', 'In_end')}`);

    // when
    const { errors } = await compile(xml);

    // then
    expect(errors).toEqual([{ elementId: 'In_orphan', message: 'Task In_orphan has no incoming flow, so it can never be reached' }]);
  });

  it('keeps link events paired within their own scope', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />',
      '<bpmn:intermediateThrowEvent id="Jump"><bpmn:linkEventDefinition id="D1" name="again" /></bpmn:intermediateThrowEvent>',
      '<bpmn:subProcess id="Sub_1"><bpmn:intermediateCatchEvent id="Land"><bpmn:linkEventDefinition id="D2" name="again" /></bpmn:intermediateCatchEvent>',
      '<bpmn:startEvent id="In_start" /><bpmn:endEvent id="In_end" />', flow('IF1', 'In_start', 'In_end'), flow('IF2', 'Land', 'In_end'), '</bpmn:subProcess>',
      '<bpmn:endEvent id="End_1" />', flow('F1', 'Start_1', 'Jump'), flow('F2', 'Start_1', 'Sub_1'), flow('F3', 'Sub_1', 'End_1'),
    ].join(''));

    // when
    const { errors } = await compile(xml);

    // then
    expect(errors).toEqual([
      { elementId: 'Jump', message: 'Link intermediate throw event Jump links to "again", but no link catch event of that name is in the same scope' },
      { elementId: 'Land', message: 'Link intermediate catch event Land cannot be reached from the start event' },
    ]);
  });
});

describe('event sub-processes', () => {
  /** A process with a user path and an event sub-process `Esp_1` holding `content`. */
  const withEventSubProcess = (content: string) => processXml([
    '<bpmn:startEvent id="Start_1" /><bpmn:endEvent id="End_1" />', flow('F1', 'Start_1', 'End_1'),
    `<bpmn:subProcess id="Esp_1" name="On escalation" triggeredByEvent="true">${content}</bpmn:subProcess>`,
  ].join(''));
  const escalationStart = (attributes = '') =>
    `<bpmn:startEvent id="Esp_start"${attributes}><bpmn:escalationEventDefinition id="D" /></bpmn:startEvent><bpmn:endEvent id="Esp_end" />${flow('EF1', 'Esp_start', 'Esp_end')}`;

  it('compiles a non-interrupting escalation start and lists the event sub-process on the process', async () => {
    // when
    const { model, errors } = await compile(withEventSubProcess(escalationStart(' isInterrupting="false"')));

    // then
    expect(errors).toEqual([]);
    expect(model?.eventSubProcesses).toEqual(['Esp_1']);
    expect(model?.elements.Esp_1).toMatchObject({ kind: 'eventSubProcess', startEventId: 'Esp_start', incoming: [], outgoing: [] });
    expect(model?.elements.Esp_start).toMatchObject({ parent: 'Esp_1', interrupting: false, trigger: { type: 'escalation' } });
  });

  it('reports a none start event in an event sub-process', async () => {
    // when
    const { errors } = await compile(withEventSubProcess(`<bpmn:startEvent id="Esp_start" /><bpmn:endEvent id="Esp_end" />${flow('EF1', 'Esp_start', 'Esp_end')}`));

    // then
    expect(errors).toEqual([{ elementId: 'Esp_start', message: 'Start event Esp_start must have an event definition (timer, message, signal, error, escalation or compensation)' }]);
  });

  it('reports sequence flows to an event sub-process and two start events in it', async () => {
    // given
    const xml = withEventSubProcess(`${escalationStart()}<bpmn:startEvent id="Esp_start2"><bpmn:signalEventDefinition id="D2" /></bpmn:startEvent>${flow('EF2', 'Esp_start2', 'Esp_end')}`)
      .replace(flow('F1', 'Start_1', 'End_1'), `${flow('F1', 'Start_1', 'Esp_1')}${flow('F2', 'Esp_1', 'End_1')}`);

    // when
    const { errors } = await compile(xml);

    // then
    expect(errors).toContainEqual({ elementId: 'Esp_1', message: 'Event sub-process "On escalation" (Esp_1) has sequence flows; an event sub-process cannot have incoming or outgoing sequence flows' });
    expect(errors).toContainEqual({ elementId: 'Esp_1', message: 'Event sub-process "On escalation" (Esp_1) must have exactly one start event; it has two start events' });
  });

  it('arms event sub-processes of a sub-process on the sub-process', async () => {
    // given
    const xml = definitions(`<bpmn:process id="Process_1" isExecutable="true">${[
      '<bpmn:startEvent id="Start_1" /><bpmn:endEvent id="End_1" />',
      '<bpmn:subProcess id="Sub_1">', INNER,
      `<bpmn:subProcess id="Esp_1" triggeredByEvent="true">${escalationStart()}</bpmn:subProcess>`,
      '</bpmn:subProcess>', flow('F1', 'Start_1', 'Sub_1'), flow('F2', 'Sub_1', 'End_1'),
    ].join('')}</bpmn:process>`);

    // when
    const { model, errors } = await compile(xml);

    // then
    expect(errors).toEqual([]);
    expect(model?.eventSubProcesses).toBeUndefined();
    expect(model?.elements.Sub_1).toMatchObject({ eventSubProcesses: ['Esp_1'] });
    expect(model?.elements.Esp_1).toMatchObject({ parent: 'Sub_1' });
    expect(model?.elements.Esp_end).toMatchObject({ parent: 'Esp_1' });
  });
});
