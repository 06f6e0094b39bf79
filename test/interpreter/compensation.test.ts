import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flow, processXml } from '../../engine/compiler/__tests__/bpmn-builder';
import { compileOrThrow } from '../../engine/compiler';
import { createHarness, type Harness } from './harness';

function script(id: string, expression: string, result: string, attributes = ''): string {
  return `<bpmn:scriptTask id="${id}" name="${id}"${attributes}><bpmn:extensionElements><zeebe:script expression="${expression}" resultVariable="${result}" /></bpmn:extensionElements></bpmn:scriptTask>`;
}

/** Two steps with compensation handlers, then a compensation end event. */
const UNDO = processXml(
  [
    '<bpmn:startEvent id="start" />',
    script('reserve', '=&quot;reserved&quot;', 'stock'),
    script('charge', '=&quot;charged&quot;', 'payment'),
    `<bpmn:boundaryEvent id="undoReserveEvent" attachedToRef="reserve"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>`,
    `<bpmn:boundaryEvent id="undoChargeEvent" attachedToRef="charge"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>`,
    script('release', '=append(undone, &quot;stock&quot;)', 'undone', ' isForCompensation="true"'),
    script('refund', '=append(undone, &quot;payment&quot;)', 'undone', ' isForCompensation="true"'),
    '<bpmn:association id="a1" associationDirection="One" sourceRef="undoReserveEvent" targetRef="release" />',
    '<bpmn:association id="a2" associationDirection="One" sourceRef="undoChargeEvent" targetRef="refund" />',
    '<bpmn:endEvent id="rollBack"><bpmn:compensateEventDefinition /></bpmn:endEvent>',
    flow('f1', 'start', 'reserve'),
    flow('f2', 'reserve', 'charge'),
    flow('f3', 'charge', 'rollBack'),
  ].join('\n'),
  { id: 'undoOrder' },
);

/** A multi-instance step with a compensation handler, then a compensation end event. */
const UNDO_EACH = processXml(
  [
    '<bpmn:startEvent id="start" />',
    `<bpmn:scriptTask id="reserve" name="reserve"><bpmn:extensionElements><zeebe:script expression="=item" resultVariable="reserved" /></bpmn:extensionElements>
       <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="all" outputElement="=reserved" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
     </bpmn:scriptTask>`,
    `<bpmn:boundaryEvent id="undoReserveEvent" attachedToRef="reserve"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>`,
    script('release', '=append(undone, all)', 'undone', ' isForCompensation="true"'),
    '<bpmn:association id="a1" associationDirection="One" sourceRef="undoReserveEvent" targetRef="release" />',
    '<bpmn:endEvent id="rollBack"><bpmn:compensateEventDefinition /></bpmn:endEvent>',
    flow('f1', 'start', 'reserve'),
    flow('f2', 'reserve', 'rollBack'),
  ].join('\n'),
  { id: 'undoEach' },
);

describe('compensation', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('a compensation end event runs the handlers of the completed activities, most recent first', async () => {
    // given
    const model = await compileOrThrow(UNDO);

    // when
    const result = await (await harness.start(model, { undone: [] })).result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables.undone).toEqual(['payment', 'stock']);
    expect(result.path).toEqual(['start', 'reserve', 'charge', 'refund', 'release', 'rollBack']);
  });

  it('the handler of a multi-instance activity runs once, not once per item (Camunda 8)', async () => {
    // given
    const model = await compileOrThrow(UNDO_EACH);

    // when
    const result = await (await harness.start(model, { undone: [], items: ['a', 'b', 'c'] })).result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables.undone).toEqual([['a', 'b', 'c']]);
    expect(result.path.filter((id) => id === 'release')).toHaveLength(1);
  });
});
