import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileOrThrow } from '../../engine/compiler';
import { flow, processXml } from '../../engine/compiler/__tests__/bpmn-builder';
import { cancelSignal, type Variables } from '../../workflows/contract';
import { testWorkflowBundle } from '../support/temporal';
import { createHarness, eventually, type Harness, type InstanceHandle } from './harness';

/** Where Temporal starts warning about one run's history (a fifth of its hard limits, 51,200 events and 50 MB). */
const WARN_EVENTS = 10_240;
const WARN_HISTORY_BYTES = 10 * 1024 * 1024;

const CHECK_EACH = processXml(
  [
    '<bpmn:startEvent id="start" />',
    '<bpmn:serviceTask id="task" name="Check record"><bpmn:extensionElements><zeebe:taskDefinition type="check" /></bpmn:extensionElements>',
    '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=records" inputElement="record" outputCollection="results" outputElement="=result" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>',
    '</bpmn:serviceTask>',
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'task'),
    flow('f2', 'task', 'end'),
  ].join('\n'),
  { id: 'largeParallelChecks' },
);

interface Run {
  runId: string;
  history: temporal.api.history.v1.IHistory;
  status: string;
  events: number;
  bytes: number;
}

/** Every run of the instance, first to last, with its history's event count and encoded size. */
async function runsOf(harness: Harness, handle: InstanceHandle): Promise<Run[]> {
  const runs: Run[] = [];
  let runId: string | undefined = handle.firstExecutionRunId;
  while (runId) {
    const run: WorkflowHandle = harness.client.workflow.getHandle(handle.workflowId, runId);
    const [history, description]: [temporal.api.history.v1.IHistory, { status: { name: string } }] = await Promise.all([run.fetchHistory(), run.describe()]);
    const events: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    // With QUALFLOW_RECORD_HISTORIES, every run is kept (the harness keeps only the last): how histories/v3 was made.
    if (process.env.QUALFLOW_RECORD_HISTORIES) {
      mkdirSync(process.env.QUALFLOW_RECORD_HISTORIES, { recursive: true });
      writeFileSync(join(process.env.QUALFLOW_RECORD_HISTORIES, `large-parallel-multi-instance-run${runs.length + 1}-${handle.workflowId.slice(0, 8)}.bin`), temporal.api.history.v1.History.encode(history).finish());
    }
    runs.push({ runId, history, status: description.status.name, events: events.length, bytes: temporal.api.history.v1.History.encode(history).finish().length });
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

describe('a large parallel multi-instance body of jobs', () => {
  let harness: Harness;
  /** What each job's handler saw, by loop counter. */
  const seen = new Map<number, { hasCollection: boolean; collectionLength?: number; sameItem?: boolean; sawOutputCollection: boolean }>();

  beforeAll(async () => {
    harness = await createHarness({
      handlers: {
        // Slow enough that a cancel arrives while the body is still running.
        slowCheck: async ({ variables }: { variables: Variables }) => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          return { result: (variables.record as { id: number }).id };
        },
        check: async ({ variables }: { variables: Variables }) => {
          const record = variables.record as { id: number; site: string };
          const loopCounter = variables.loopCounter as number;
          // Every job has the collection; one in 25 reads it whole (each read parses ~300 KB).
          const records = loopCounter % 25 === 0 ? (variables.records as { id: number }[]) : undefined;
          seen.set(loopCounter, {
            hasCollection: 'records' in variables,
            collectionLength: records?.length,
            sameItem: records ? records[loopCounter - 1]?.id === record.id : undefined,
            sawOutputCollection: 'results' in variables,
          });
          return { result: record.id * 2 };
        },
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('runs 5,000 items with every run of the instance well within the history limits and collects every output in order', async () => {
    // given: 5,000 small records (~60 bytes each, ~300 KB together) that every job may read
    const records = Array.from({ length: 5000 }, (_, id) => ({ id, site: `site-${id % 7}`, lot: `LOT-${String(id).padStart(6, '0')}` }));

    // when
    const handle = await harness.start(await compileOrThrow(CHECK_EACH), { records });
    const result = await handle.result();

    // then: the output collection is complete and in input order
    const runs = await runsOf(harness, handle);
    expect(result.status).toBe('completed');
    expect(result.variables.results).toEqual(records.map((record) => record.id * 2));
    expect(result.path.filter((id) => id === 'task')).toHaveLength(1);

    // every handler had the whole input collection (its own item at its loop counter), and not the half-filled output collection
    expect(seen.size).toBe(5000);
    const jobs = [...seen.values()];
    expect(jobs.every((job) => job.hasCollection && !job.sawOutputCollection)).toBe(true);
    const readers = jobs.filter((job) => job.collectionLength !== undefined);
    expect(readers).toHaveLength(200);
    expect(readers.every((job) => job.collectionLength === 5000 && job.sameItem)).toBe(true);

    // each run's history stays below Temporal's warning thresholds, and the body took several runs
    console.info(`5,000-item parallel body: ${runs.length} runs, ${runs.map((run) => `${run.events} events / ${Math.round(run.bytes / 1024)} KB`).join('; ')}`);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.at(-1)?.status).toBe('COMPLETED');
    for (const run of runs) {
      expect(run.events).toBeLessThan(WARN_EVENTS);
      expect(run.bytes).toBeLessThan(WARN_HISTORY_BYTES);
    }

    // the stored collection is gone once the body ended
    expect(await harness.db.sharedVariables.count()).toBe(0);
  }, 180_000);

  it('hands a parallel body over between waves, and every run of the instance replays', async () => {
    // given: a run hands over after 150 steps, so 600 items take several waves
    const records = Array.from({ length: 600 }, (_, id) => ({ id, note: `record ${id} `.padEnd(40, '.') }));

    // when
    const handle = await harness.start(await compileOrThrow(CHECK_EACH), { records }, { stepsPerRun: 150 });
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables.results).toEqual(records.map((record) => record.id * 2));
    const runs = await runsOf(harness, handle);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    const histories = runs.map((run) => ({ workflowId: handle.workflowId, history: run.history }));
    for await (const replay of Worker.runReplayHistories({ workflowBundle: testWorkflowBundle(), replayName: 'large-body-waves' }, histories)) {
      expect(replay.error).toBeUndefined();
    }
  }, 120_000);

  it('stops at the completion condition, checked after every instance across waves', async () => {
    // given: the body is done once 400 of 600 records were checked; a run hands over after 150 steps
    const records = Array.from({ length: 600 }, (_, id) => ({ id, note: `record ${id} `.padEnd(40, '.') }));
    const model = await compileOrThrow(
      CHECK_EACH.replace('</bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>', '</bpmn:extensionElements><bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=numberOfCompletedInstances &gt;= 400</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>'),
    );

    // when
    const handle = await harness.start(model, { records }, { stepsPerRun: 150 });
    const result = await handle.result();

    // then: exactly 400 outputs, each at its record's index; the rest never ran or was stopped
    expect(result.status).toBe('completed');
    const results = result.variables.results as (number | null)[];
    expect(results).toHaveLength(600);
    const collected = results.flatMap((value, index) => (value === null ? [] : [[index, value]]));
    expect(collected).toHaveLength(400);
    expect(collected.every(([index, value]) => value === index * 2)).toBe(true);
    expect((await runsOf(harness, handle)).length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('stops a running large body when the instance is canceled and deletes what it stored', async () => {
    // given
    const records = Array.from({ length: 1000 }, (_, id) => ({ id, note: `record ${id} `.padEnd(40, '.') }));
    const model = await compileOrThrow(CHECK_EACH.replace('type="check"', 'type="slowCheck"'));
    const handle = await harness.start(model, { records });
    await eventually(async () => (await harness.db.sharedVariables.count({ where: { instanceId: handle.workflowId } })) > 0, 30_000, 'the stored variables');

    // when
    await handle.signal(cancelSignal, { reason: 'wrong batch', canceledBy: 'owner' });
    const result = await handle.result();

    // then
    expect(result.status).toBe('canceled');
    expect(await harness.db.sharedVariables.count({ where: { instanceId: handle.workflowId } })).toBe(0);
  }, 120_000);
});
