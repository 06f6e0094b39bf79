import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { between, definitions, flow, processXml, timerBoundary, userTask } from './bpmn-builder';

async function diagnose(xml: string) {
  const result = await compile(xml);
  if (result.errors.length > 0) expect(result.model).toBeUndefined();
  return result;
}

const straight = between(userTask('Task_1', 'Review'));

describe('choosing the process', () => {
  it('reports a diagram without any process', async () => {
    // when
    const { errors } = await diagnose(definitions('<bpmn:message id="Message_1" name="complaint" />'));

    // then
    expect(errors).toEqual([{ elementId: 'document', message: 'The diagram contains no process' }]);
  });

  it('asks to mark the only process executable', async () => {
    // given
    const xml = processXml(straight, { name: 'CAPA' }).replace('isExecutable="true"', 'isExecutable="false"');

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Process_1', message: 'Process "CAPA" (Process_1) must be executable; mark it as executable' }]);
  });

  it('reports several processes when none is executable', async () => {
    // given
    const xml = definitions('<bpmn:process id="A" /><bpmn:process id="B" />');

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'document', message: "None of the diagram's two processes is executable; mark exactly one as executable" }]);
  });

  it('reports several executable processes', async () => {
    // given
    const xml = definitions('<bpmn:process id="A" isExecutable="true" /><bpmn:process id="B" isExecutable="true" />');

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'document', message: 'The diagram has two executable processes (A, B); exactly one is supported' }]);
  });

  it('compiles the executable pool of a collaboration, named after its pool, and warns about what it ignores', async () => {
    // given
    const xml = definitions([
      '<bpmn:collaboration id="Collaboration_1">',
      '<bpmn:participant id="Pool_1" name="Supplier corrective action" processRef="Process_1" />',
      '<bpmn:participant id="Pool_2" name="Supplier" processRef="Process_2" />',
      '<bpmn:participant id="Pool_3" name="Customer" />',
      '<bpmn:messageFlow id="MessageFlow_1" name="Send SCAR" sourceRef="Task_1" targetRef="Pool_3" />',
      '</bpmn:collaboration>',
      `<bpmn:process id="Process_1" isExecutable="true">${straight}</bpmn:process>`,
      '<bpmn:process id="Process_2" name="Supplier side" isExecutable="false"><bpmn:task id="Supplier_Task" /></bpmn:process>',
    ].join('\n'));

    // when
    const { errors, warnings, model } = await diagnose(xml);

    // then
    expect(errors).toEqual([]);
    expect(model).toMatchObject({ id: 'Process_1', name: 'Supplier corrective action' });
    expect(warnings).toEqual([
      { elementId: 'MessageFlow_1', message: 'Message flow "Send SCAR" (MessageFlow_1) is ignored; messages between pools are not supported yet' },
      { elementId: 'Process_2', message: 'Process "Supplier side" (Process_2) is not executable and is ignored' },
    ]);
  });

  it('reports an executable process without an id', async () => {
    // given
    const xml = processXml(straight).replace('<bpmn:process id="Process_1"', '<bpmn:process');

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'document', message: 'The executable process has no id' }]);
  });

  it('reports an element without an id and leaves it out', async () => {
    // given
    const xml = processXml(`${straight}<bpmn:userTask name="Orphan" />`);

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Process_1', message: 'User task "Orphan" in process Process_1 has no id; every element needs one' }]);
  });
});

describe('structure', () => {
  it('reports a process without a start event, and the task nothing leads to', async () => {
    // given
    const xml = processXml([userTask('Task_1', 'Review'), '<bpmn:endEvent id="End_1" />', flow('F1', 'Task_1', 'End_1')].join('\n'));

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([
      { elementId: 'Process_1', message: 'Process Process_1 has no start event' },
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) has no incoming flow, so it can never be reached' },
    ]);
  });

  it('reports each of more than one none start event', async () => {
    // given
    const xml = processXml(`${straight}<bpmn:startEvent id="Start_2" />${flow('F2', 'Start_2', 'Task_1')}`);

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([
      { elementId: 'Start_1', message: 'Start event "Start" (Start_1) is one of two none start events of process Process_1; multiple none start events are not allowed' },
      { elementId: 'Start_2', message: 'Start event Start_2 is one of two none start events of process Process_1; multiple none start events are not allowed' },
    ]);
  });

  it('reports a start event with an incoming flow', async () => {
    // given
    const xml = processXml(`${straight}${flow('F_back', 'Task_1', 'Start_1')}`);

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([
      { elementId: 'Start_1', message: 'Start event "Start" (Start_1) has an incoming flow; a start event cannot have one' },
    ]);
  });

  it('reports a start event without an outgoing flow', async () => {
    // given
    const xml = processXml('<bpmn:startEvent id="Start_1" /><bpmn:endEvent id="End_1" />'.replace('<bpmn:endEvent id="End_1" />', ''));

    // when
    const { errors, warnings } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Start_1', message: 'Start event Start_1 has no outgoing flow' }]);
    expect(warnings).toEqual([{ elementId: 'Process_1', message: 'Process Process_1 has no end event' }]);
  });

  it('reports an end event with an outgoing flow', async () => {
    // given
    const xml = processXml(`${straight}<bpmn:endEvent id="End_2" />${flow('F_after', 'End_1', 'End_2')}`);

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'End_1', message: 'End event "Done" (End_1) has an outgoing flow; an end event cannot have one' }]);
  });

  it('reports a loop that nothing leads into as unreachable', async () => {
    // given
    const xml = processXml([
      straight, userTask('Task_B', 'Rework'), userTask('Task_C', 'Recheck'),
      flow('F_bc', 'Task_B', 'Task_C'), flow('F_cb', 'Task_C', 'Task_B'),
    ].join('\n'));

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([
      { elementId: 'Task_B', message: 'User task "Rework" (Task_B) cannot be reached from the start event' },
      { elementId: 'Task_C', message: 'User task "Recheck" (Task_C) cannot be reached from the start event' },
    ]);
  });

  it('warns about tasks and boundary events that end a path without an end event', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />', userTask('Task_1', 'Review'), timerBoundary('Timer_1', 'Overdue', 'Task_1', 'P5D'),
      flow('F1', 'Start_1', 'Task_1'),
    ].join('\n'));

    // when
    const { errors, warnings } = await diagnose(xml);

    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      { elementId: 'Process_1', message: 'Process Process_1 has no end event' },
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) has no outgoing flow; the path ends there (add an end event to make that explicit)' },
      { elementId: 'Timer_1', message: 'Timer boundary event "Overdue" (Timer_1) has no outgoing flow; the path ends there (add an end event to make that explicit)' },
    ]);
  });

  it('reports a boundary event with an incoming flow', async () => {
    // given
    const xml = processXml(`${straight}${timerBoundary('Timer_1', 'Overdue', 'Task_1', 'P5D')}${flow('F_into', 'Start_1', 'Timer_1')}${flow('F_from', 'Timer_1', 'End_1')}`);

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Timer_1', message: 'Timer boundary event "Overdue" (Timer_1) has an incoming flow; a boundary event cannot have one' }]);
  });

  it('reports a gateway without an outgoing flow', async () => {
    // given
    const xml = processXml(`${straight}<bpmn:exclusiveGateway id="Gateway_1" name="Approved?" />${flow('F_gw', 'Task_1', 'Gateway_1')}`);

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Gateway_1', message: 'Gateway "Approved?" (Gateway_1) has no outgoing flow' }]);
  });

  it('reports flows whose source or target is missing, does not exist, or is not a flow element', async () => {
    // given
    const xml = processXml([
      straight,
      '<bpmn:dataObjectReference id="Ref_1" name="Report" dataObjectRef="Data_1" /><bpmn:dataObject id="Data_1" />',
      flow('F_ghost', 'Ghost', 'End_1'),
      '<bpmn:sequenceFlow id="F_open" sourceRef="Task_1" />',
      flow('F_data', 'Task_1', 'Ref_1'),
    ].join('\n'));

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([
      { elementId: 'F_ghost', message: 'Sequence flow F_ghost has the source "Ghost", which does not exist' },
      { elementId: 'F_open', message: 'Sequence flow F_open has no target' },
      { elementId: 'F_data', message: 'Sequence flow F_data has the target data object "Report" (Ref_1), which is not a flow element of the same process' },
    ]);
  });

  it('warns about two flows that connect the same elements', async () => {
    // given
    const xml = processXml(`${straight}${flow('Flow_again', 'Task_1', 'End_1')}`);

    // when
    const { errors, warnings } = await diagnose(xml);

    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ elementId: 'Flow_again', message: 'Sequence flow Flow_again duplicates sequence flow Flow_out: both connect the same elements' }]);
  });
});

describe('gateways and conditions', () => {
  const decision = (flows: string, gatewayAttributes = '') => processXml([
    '<bpmn:startEvent id="Start_1" />', userTask('Task_1', 'Approve'),
    `<bpmn:exclusiveGateway id="Gateway_1" name="Approved?"${gatewayAttributes} />`,
    ...['End_1', 'End_2', 'End_3'].filter((id) => flows.includes(`targetRef="${id}"`)).map((id) => `<bpmn:endEvent id="${id}" />`),
    flow('F1', 'Start_1', 'Task_1'), flow('F2', 'Task_1', 'Gateway_1'), flows,
  ].join('\n'));

  it('reports a diverging gateway with unconditional flows and no default flow', async () => {
    // given
    const xml = decision(flow('Flow_yes', 'Gateway_1', 'End_1', undefined, 'Yes') + flow('Flow_no', 'Gateway_1', 'End_2', undefined, 'No'));

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Gateway_1', message: 'Gateway "Approved?" (Gateway_1) has two outgoing flows without a condition and no default flow' }]);
  });

  it('reports an unconditional flow beside the default flow', async () => {
    // given
    const xml = decision([
      flow('Flow_yes', 'Gateway_1', 'End_1', '=approved', 'Yes'),
      flow('Flow_no', 'Gateway_1', 'End_2', undefined, 'No'),
      flow('Flow_maybe', 'Gateway_1', 'End_3', undefined, 'Maybe'),
    ].join(''), ' default="Flow_no"');

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Flow_maybe', message: 'Sequence flow "Maybe" (Flow_maybe) leaves gateway "Approved?" (Gateway_1) and must have a condition or be the default flow' }]);
  });

  it('reports a default flow with a condition', async () => {
    // given
    const xml = decision(flow('Flow_yes', 'Gateway_1', 'End_1', '=approved', 'Yes') + flow('Flow_no', 'Gateway_1', 'End_2', '=not(approved)', 'No'), ' default="Flow_no"');

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Flow_no', message: 'Sequence flow "No" (Flow_no) is the default flow of gateway "Approved?" (Gateway_1) and must not have a condition' }]);
  });

  it('reports a default flow that does not leave the gateway, or does not exist', async () => {
    // given
    const flows = flow('Flow_yes', 'Gateway_1', 'End_1', '=approved') + flow('Flow_no', 'Gateway_1', 'End_2', '=not(approved)');
    const elsewhere = decision(flows, ' default="F1"');
    const missing = decision(flows, ' default="Flow_ghost"');

    // when
    const results = await Promise.all([diagnose(elsewhere), diagnose(missing)]);

    // then
    expect(results[0].errors).toEqual([{ elementId: 'Gateway_1', message: 'Gateway "Approved?" (Gateway_1) has sequence flow F1 as its default flow, but that flow does not leave the gateway' }]);
    expect(results[1].errors).toEqual([{ elementId: 'Gateway_1', message: 'Gateway "Approved?" (Gateway_1) has the default flow "Flow_ghost", which does not exist' }]);
  });

  it('reports conditions on flows that leave a parallel gateway or a task', async () => {
    // given
    const xml = processXml([
      '<bpmn:startEvent id="Start_1" />', '<bpmn:parallelGateway id="Fork" name="Split" />', userTask('Task_1', 'Review'),
      '<bpmn:endEvent id="End_1" /><bpmn:endEvent id="End_2" />',
      flow('F1', 'Start_1', 'Fork'), flow('F2', 'Fork', 'Task_1', '=urgent'), flow('F3', 'Fork', 'End_1'), flow('F4', 'Task_1', 'End_2', '=done'),
    ].join('\n'));

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([
      { elementId: 'F2', message: 'Sequence flow F2 with a condition expression is only supported if the source is an exclusive or inclusive gateway; its source is parallel gateway "Split" (Fork)' },
      { elementId: 'F4', message: 'Sequence flow F4 with a condition expression is only supported if the source is an exclusive or inclusive gateway; its source is user task "Review" (Task_1)' },
    ]);
  });

  it('reports a condition that is not an expression, and one that is not valid FEEL', async () => {
    // given
    const xml = decision([
      flow('Flow_yes', 'Gateway_1', 'End_1', 'approved', 'Yes'),
      flow('Flow_no', 'Gateway_1', 'End_2', '=amount >', 'No'),
      flow('Flow_empty', 'Gateway_1', 'End_3', '=', 'Other'),
    ].join(''));

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([
      { elementId: 'Flow_yes', message: 'Sequence flow "Yes" (Flow_yes) has the condition "approved", which must be a FEEL expression starting with "="' },
      { elementId: 'Flow_no', message: 'Sequence flow "No" (Flow_no) has an invalid FEEL expression in the condition: the comparison is incomplete at the end' },
      { elementId: 'Flow_empty', message: 'Sequence flow "Other" (Flow_empty) has an invalid FEEL expression in the condition: the expression is empty' },
    ]);
  });

  it.each(['Flow_out', 'Flow_ghost'])('reports a default flow (%s) on a task, whether it exists or not', async (defaultFlow) => {
    // given
    const xml = processXml(straight.replace('<bpmn:userTask id="Task_1" name="Review"', `<bpmn:userTask id="Task_1" name="Review" default="${defaultFlow}"`));

    // when
    const { errors } = await diagnose(xml);

    // then
    expect(errors).toEqual([{ elementId: 'Task_1', message: 'User task "Review" (Task_1) has a default flow; default flows are only supported on gateways' }]);
  });
});
