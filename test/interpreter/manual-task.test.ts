import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, definitions, flow } from './bpmn-fixture';
import { createHarness, type Harness } from './harness';

const FIXTURE = definitions(
  'inspect-goods',
  `
    <bpmn:startEvent id="start" />
    <bpmn:manualTask id="inspect" name="Inspect goods">
      <bpmn:extensionElements>
        <zeebe:ioMapping>
          <zeebe:input source="=lot.id" target="lotId" />
          <zeebe:output source="=&quot;inspected &quot; + lotId" target="lot.status" />
        </zeebe:ioMapping>
      </bpmn:extensionElements>
    </bpmn:manualTask>
    <bpmn:task id="file" name="File the record" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'inspect')}
    ${flow('f2', 'inspect', 'file')}
    ${flow('f3', 'file', 'end')}`,
);

describe('manual task and undefined task', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('pass the token through without opening a task, applying their input and output mappings', async () => {
    // given
    const model = await compileFixture(FIXTURE);

    // when
    const handle = await harness.start(model, { lot: { id: 'L-7' } });
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(['start', 'inspect', 'file', 'end']);
    expect(result.variables).toEqual({ lot: { id: 'L-7', status: 'inspected L-7' } });
    expect(await harness.db.task.count({ where: { instanceId: handle.workflowId } })).toBe(0);
  });
});
