import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeXml, flow, processXml } from '../../engine/compiler/__tests__/bpmn-builder';
import { compileOrThrow } from '../../engine/compiler';
import { completeTask, createHarness, eventually, type Harness } from './harness';

interface Loop {
  sequential?: boolean;
  collection: string;
  element?: string;
  outputCollection?: string;
  outputElement?: string;
  completion?: string;
}

function loop(options: Loop): string {
  const attributes = [
    `inputCollection="${escapeXml(options.collection)}"`,
    options.element ? `inputElement="${options.element}"` : '',
    options.outputCollection ? `outputCollection="${options.outputCollection}"` : '',
    options.outputElement ? `outputElement="${escapeXml(options.outputElement)}"` : '',
  ].join(' ');
  const completion = options.completion
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${escapeXml(options.completion)}</bpmn:completionCondition>`
    : '';
  return `<bpmn:multiInstanceLoopCharacteristics isSequential="${options.sequential ?? false}"><bpmn:extensionElements><zeebe:loopCharacteristics ${attributes} /></bpmn:extensionElements>${completion}</bpmn:multiInstanceLoopCharacteristics>`;
}

function around(id: string, element: string): string {
  return processXml(
    ['<bpmn:startEvent id="start" />', element, '<bpmn:endEvent id="end" />', flow('f1', 'start', 'task'), flow('f2', 'task', 'end')].join('\n'),
    { id },
  );
}

describe('multi-instance', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('a parallel multi-instance review opens one task per reviewer and completes when two of three approved', async () => {
    // given
    const xml = around(
      'twoOfThree',
      `<bpmn:userTask id="task" name="Review">
         <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition assignee="=reviewer" /></bpmn:extensionElements>
         ${loop({ collection: '=reviewers', element: 'reviewer', outputCollection: 'votes', outputElement: '=approved', completion: '=count(votes[item = true]) >= 2' })}
       </bpmn:userTask>`,
    );
    const handle = await harness.start(await compileOrThrow(xml), { reviewers: ['ann', 'bob', 'cem'] });
    const tasks = await eventually(async () => {
      const open = await harness.db.task.findMany({ where: { instanceId: handle.workflowId, state: 'open' }, orderBy: { assignee: 'asc' } });
      return open.length === 3 ? open : undefined;
    });

    // when
    await completeTask(handle, tasks[0].id, { approved: true }, 'ann');
    await completeTask(handle, tasks[2].id, { approved: true }, 'cem');
    const result = await handle.result();

    // then
    expect(tasks.map((task) => task.assignee)).toEqual(['ann', 'bob', 'cem']);
    expect(result.variables.votes).toEqual([true, null, true]);
    const bob = await harness.db.task.findUniqueOrThrow({ where: { id: tasks[1].id } });
    expect(bob.state).toBe('canceled');
    expect(result.path).toEqual(['start', 'task', 'end']);
  });

  it('a sequential multi-instance script task runs in order with loopCounter and collects its outputs', async () => {
    // given
    const xml = around(
      'sequentialScript',
      `<bpmn:scriptTask id="task" name="Label">
         <bpmn:extensionElements><zeebe:script expression="=item + &quot;-&quot; + string(loopCounter)" resultVariable="label" /><zeebe:ioMapping><zeebe:output source="=label" target="lastLabel" /></zeebe:ioMapping></bpmn:extensionElements>
         ${loop({ sequential: true, collection: '=items', element: 'item', outputCollection: 'labels', outputElement: '=label' })}
       </bpmn:scriptTask>`,
    );

    // when
    const result = await (await harness.start(await compileOrThrow(xml), { items: ['a', 'b', 'c'] })).result();

    // then
    expect(result.variables).toEqual({ items: ['a', 'b', 'c'], labels: ['a-1', 'b-2', 'c-3'], lastLabel: 'c-3' });
  });

  it('an empty input collection completes at once with an empty output collection', async () => {
    // given
    const xml = around(
      'emptyCollection',
      `<bpmn:manualTask id="task" name="Nothing">${loop({ collection: '=items', element: 'item', outputCollection: 'out', outputElement: '=item' })}</bpmn:manualTask>`,
    );

    // when
    const result = await (await harness.start(await compileOrThrow(xml), { items: [] })).result();

    // then
    expect(result.variables).toEqual({ items: [], out: [] });
  });

  it('a parallel multi-instance sub-process runs one scope per item, each with its own local item', async () => {
    // given
    const xml = around(
      'perAction',
      `<bpmn:subProcess id="task" name="Per action item">
         <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=null" target="done" /></zeebe:ioMapping></bpmn:extensionElements>
         ${loop({ collection: '=actions', element: 'action', outputCollection: 'results', outputElement: '=done' })}
         <bpmn:startEvent id="innerStart" />
         <bpmn:scriptTask id="work" name="Work"><bpmn:extensionElements><zeebe:script expression="=upper case(action)" resultVariable="done" /><zeebe:ioMapping><zeebe:output source="=done" target="done" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:scriptTask>
         <bpmn:endEvent id="innerEnd" />
         ${flow('s1', 'innerStart', 'work')}
         ${flow('s2', 'work', 'innerEnd')}
       </bpmn:subProcess>`,
    );

    // when
    const result = await (await harness.start(await compileOrThrow(xml), { actions: ['fix', 'train'] })).result();

    // then
    expect(result.variables.results).toEqual(['FIX', 'TRAIN']);
    expect(result.variables).not.toHaveProperty('action');
    expect(result.variables).not.toHaveProperty('done');
  });

  it('an input collection that is not a list is an incident on the element', async () => {
    // given
    const xml = around('notAList', `<bpmn:manualTask id="task" name="Nothing">${loop({ collection: '=items', element: 'item' })}</bpmn:manualTask>`);
    const handle = await harness.start(await compileOrThrow(xml), { items: 'abc' });

    // when
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId } }));

    // then
    expect(incident.elementId).toBe('task');
    expect(incident.message).toContain('not a list');
    await handle.cancel();
  });
});
