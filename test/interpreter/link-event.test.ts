import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, definitions, flow } from './bpmn-fixture';
import { createHarness, type Harness } from './harness';

/** A loop drawn with links: count up until three, jumping back through the "again" link. */
const FIXTURE = definitions(
  'count-with-links',
  `
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="catchAgain" name="Again"><bpmn:linkEventDefinition name="again" /></bpmn:intermediateCatchEvent>
    <bpmn:scriptTask id="count" name="Count">
      <bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements>
    </bpmn:scriptTask>
    <bpmn:exclusiveGateway id="enough" name="Enough?" default="toThrow" />
    <bpmn:intermediateThrowEvent id="throwAgain" name="Go again"><bpmn:linkEventDefinition name="again" /></bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'count')}
    ${flow('f2', 'catchAgain', 'count')}
    ${flow('f3', 'count', 'enough')}
    ${flow('toEnd', 'enough', 'end', '=n &gt;= 3')}
    ${flow('toThrow', 'enough', 'throwAgain')}`,
);

describe('link events', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('jumps from a link throw event to the link catch event of the same name and goes on from there', async () => {
    // given
    const model = await compileFixture(FIXTURE);

    // when
    const result = await (await harness.start(model, { n: 0 })).result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables).toEqual({ n: 3 });
    expect(result.path.filter((id) => id === 'catchAgain')).toHaveLength(2);
    expect(result.path.slice(-3)).toEqual(['count', 'enough', 'end']);
  });
});
