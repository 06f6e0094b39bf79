import { describe, expect, it } from 'vitest';
import { compile } from '..';
import { between, definitions, flow, processXml } from './bpmn-builder';

const MESSAGE = '<bpmn:message id="Msg_1" name="reply"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>';

function withRoots(body: string, roots: string): string {
  return definitions(`<bpmn:process id="Process_1" isExecutable="true">\n${body}\n</bpmn:process>\n${roots}`);
}

async function errorsOf(xml: string): Promise<string[]> {
  return (await compile(xml)).errors.map((error) => `${error.elementId}: ${error.message}`);
}

describe('inclusive gateway transformer', () => {
  it('compiles conditions and the default flow', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />',
      '<bpmn:inclusiveGateway id="Fork" default="Flow_d" />',
      '<bpmn:endEvent id="A" /><bpmn:endEvent id="B" />',
      flow('Flow_in', 'Start_1', 'Fork'),
      flow('Flow_a', 'Fork', 'A', '=x > 1'),
      flow('Flow_d', 'Fork', 'B'),
    ].join('\n'));

    // when
    const { model, errors } = await compile(xml);

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Fork).toMatchObject({ kind: 'inclusiveGateway', defaultFlow: 'Flow_d' });
    expect(model?.flows.Flow_a.condition).toBe('x > 1');
  });

  it('requires a condition on every diverging flow that is not the default', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />',
      '<bpmn:inclusiveGateway id="Fork" name="Which?" />',
      '<bpmn:endEvent id="A" /><bpmn:endEvent id="B" />',
      flow('Flow_in', 'Start_1', 'Fork'),
      flow('Flow_a', 'Fork', 'A', '=x > 1'),
      flow('Flow_b', 'Fork', 'B'),
    ].join('\n'));

    // then
    expect(await errorsOf(xml)).toEqual(['Flow_b: Sequence flow Flow_b leaves inclusive gateway "Which?" (Fork) and must have a condition or be the default flow']);
  });
});

describe('event-based gateway transformer', () => {
  it('rejects a gateway leading to something other than a catch event or receive task, and one with a single flow', async () => {
    // given
    const toTask = processXml([
      '<bpmn:startEvent id="Start_1" />',
      '<bpmn:eventBasedGateway id="Gate" />',
      '<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      '<bpmn:manualTask id="Task_1" name="Call" />',
      '<bpmn:endEvent id="End_1" />',
      flow('Flow_in', 'Start_1', 'Gate'),
      flow('Flow_a', 'Gate', 'Wait'),
      flow('Flow_b', 'Gate', 'Task_1'),
      flow('Flow_c', 'Wait', 'End_1'),
      flow('Flow_d', 'Task_1', 'End_1'),
    ].join('\n'));
    const single = processXml([
      '<bpmn:startEvent id="Start_1" />',
      '<bpmn:eventBasedGateway id="Gate" />',
      '<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      '<bpmn:endEvent id="End_1" />',
      flow('Flow_in', 'Start_1', 'Gate'),
      flow('Flow_a', 'Gate', 'Wait'),
      flow('Flow_c', 'Wait', 'End_1'),
    ].join('\n'));

    // then
    expect(await errorsOf(toTask)).toEqual([expect.stringContaining('Gate: Event-based gateway Gate leads to manual task "Call" (Task_1); an event-based gateway may only lead to')]);
    expect(await errorsOf(single)).toEqual([expect.stringContaining('Gate: Event-based gateway Gate must have at least two outgoing flows')]);
  });
});

describe('task transformers', () => {
  it('compiles manual and undefined tasks with their mappings', async () => {
    // given
    const xml = processXml(between('<bpmn:manualTask id="Task_1"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=a" target="b" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:manualTask>'));

    // when
    const { model, errors } = await compile(xml);

    // then
    expect(errors).toEqual([]);
    expect(model?.elements.Task_1).toMatchObject({ kind: 'manualTask', inputs: [{ source: '=a', target: 'b' }] });
  });

  it('requires a job worker task definition on a send task and reads its retries and headers', async () => {
    // given
    const missing = processXml(between('<bpmn:sendTask id="Task_1" name="Notify" />'));
    const complete = processXml(between('<bpmn:sendTask id="Task_1"><bpmn:extensionElements><zeebe:taskDefinition type="qualflow:publish-message" retries="5" /><zeebe:taskHeaders><zeebe:header key="k" value="v" /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:sendTask>'));

    // when
    const compiled = await compile(complete);

    // then
    expect(await errorsOf(missing)).toEqual([expect.stringMatching(/^Task_1: Send task "Notify" \(Task_1\) must have a defined task definition type/)]);
    expect(compiled.model?.elements.Task_1).toMatchObject({ kind: 'sendTask', job: { taskType: 'qualflow:publish-message', retries: 5 }, headers: { k: 'v' } });
  });

  it('compiles a script task written as a job, and rejects one with both a script and a job', async () => {
    // given
    const job = processXml(between('<bpmn:scriptTask id="Task_1"><bpmn:extensionElements><zeebe:taskDefinition type="score" /></bpmn:extensionElements></bpmn:scriptTask>'));
    const both = processXml(between('<bpmn:scriptTask id="Task_1"><bpmn:extensionElements><zeebe:script expression="=1" resultVariable="x" /><zeebe:taskDefinition type="score" /></bpmn:extensionElements></bpmn:scriptTask>'));

    // when
    const compiled = await compile(job);

    // then
    expect(compiled.model?.elements.Task_1).toMatchObject({ kind: 'scriptTask', job: { taskType: 'score', retries: 3 } });
    expect(await errorsOf(both)).toEqual([expect.stringContaining('has both a FEEL script (zeebe:script) and a job worker task definition')]);
  });

  it('requires a receive task to refer to a message with a name and a correlation key', async () => {
    // given
    const ok = withRoots(between('<bpmn:receiveTask id="Task_1" messageRef="Msg_1" />'), MESSAGE);
    const noRef = processXml(between('<bpmn:receiveTask id="Task_1" name="Await" />'));
    const noKey = withRoots(between('<bpmn:receiveTask id="Task_1" messageRef="Msg_2" />'), '<bpmn:message id="Msg_2" name="reply" />');

    // when
    const compiled = await compile(ok);

    // then
    expect(compiled.model?.elements.Task_1).toMatchObject({ kind: 'receiveTask', message: { type: 'message', messageName: 'reply', correlationKey: '=orderId' } });
    expect(await errorsOf(noRef)).toEqual(['Task_1: Receive task "Await" (Task_1) must have a defined message reference (messageRef)']);
    expect(await errorsOf(noKey)).toEqual([expect.stringContaining('which must have a defined subscription correlation key (zeebe:subscription)')]);
  });
});
