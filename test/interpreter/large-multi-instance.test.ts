import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flow, processXml } from '../../engine/compiler/__tests__/bpmn-builder';
import { compileOrThrow } from '../../engine/compiler';
import { createHarness, type Harness, type InstanceHandle } from './harness';

function around(id: string, task: string, sequential: boolean): string {
  const loop = `<bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}"><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=result" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>`;
  return processXml(
    ['<bpmn:startEvent id="start" />', task.replace('<!--loop-->', loop), '<bpmn:endEvent id="end" />', flow('f1', 'start', 'task'), flow('f2', 'task', 'end')].join('\n'),
    { id },
  );
}

const DOUBLE_EACH = (sequential: boolean) =>
  around(
    sequential ? 'sequentialDoubling' : 'parallelDoubling',
    '<bpmn:scriptTask id="task" name="Double"><bpmn:extensionElements><zeebe:script expression="=item * 2" resultVariable="result" /></bpmn:extensionElements><!--loop--></bpmn:scriptTask>',
    sequential,
  );

const CHECK_EACH = around(
  'parallelChecks',
  '<bpmn:serviceTask id="task" name="Check record"><bpmn:extensionElements><zeebe:taskDefinition type="check" /></bpmn:extensionElements><!--loop--></bpmn:serviceTask>',
  false,
);

/** The runs of an instance, first to last (each run's history stays within Temporal's limits on its own). */
async function runsOf(harness: Harness, handle: InstanceHandle): Promise<{ status: string; historyLength: number }[]> {
  const runs: { status: string; historyLength: number }[] = [];
  const first = await harness.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe();
  runs.push({ status: first.status.name, historyLength: first.historyLength });
  const latest = await harness.client.workflow.getHandle(handle.workflowId).describe();
  if (latest.runId !== handle.firstExecutionRunId) runs.push({ status: latest.status.name, historyLength: latest.historyLength });
  return runs;
}

describe('large multi-instance bodies', () => {
  let harness: Harness;
  beforeAll(async () => {
    // A job that answers with its item's id, so the output collection shows every instance ran once.
    harness = await createHarness({ handlers: { check: async ({ variables }) => ({ result: (variables.item as { id: number }).id }) } });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('a sequential body of 600 items continues as new between items and collects every output in order', async () => {
    // given
    const items = Array.from({ length: 600 }, (_, index) => index);
    const model = await compileOrThrow(DOUBLE_EACH(true));

    // when
    const handle = await harness.start(model, { items }, { stepsPerRun: 200 });
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables.results).toEqual(items.map((item) => item * 2));
    expect(result.path.filter((id) => id === 'task')).toHaveLength(1);
    const runs = await runsOf(harness, handle);
    expect(runs[0]).toMatchObject({ status: 'CONTINUED_AS_NEW' });
    expect(runs.at(-1)).toMatchObject({ status: 'COMPLETED' });
  }, 240_000);

  it('a parallel body of 600 automatic items completes, yielding the activation instead of overrunning it', async () => {
    // given
    const items = Array.from({ length: 600 }, (_, index) => index);

    // when
    const handle = await harness.start(await compileOrThrow(DOUBLE_EACH(false)), { items });
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables.results).toEqual(items.map((item) => item * 2));
  }, 240_000);

  it('a parallel body of jobs that each carry large variables starts them over several workflow tasks and completes', async () => {
    // given: 300 records of ~200 bytes; every job sees all of them, so one workflow task
    // starting all 300 jobs would send the server far more than its 4 MB message limit
    const items = Array.from({ length: 300 }, (_, id) => ({ id, text: `record ${id} `.padEnd(200, '.') }));

    // when
    const handle = await harness.start(await compileOrThrow(CHECK_EACH), { items });
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables.results).toEqual(items.map((item) => item.id));
    const [run] = await runsOf(harness, handle);
    expect(run.historyLength).toBeLessThan(10_240);
  }, 240_000);
});
