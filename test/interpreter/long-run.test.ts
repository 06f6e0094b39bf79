import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flow, processXml, userTask } from '../../engine/compiler/__tests__/bpmn-builder';
import { compileOrThrow } from '../../engine/compiler';
import { defaultPayloadConverter } from '@temporalio/common';
import { completeTaskUpdate, PROCESS_WORKFLOW, type ProcessInput } from '../../workflows/contract';
import type { processInstance } from '../../workflows';
import { completeTask, createHarness, eventually, openTaskOf, type Harness } from './harness';

const LOOP = processXml(
  [
    '<bpmn:startEvent id="start" />',
    '<bpmn:scriptTask id="count" name="Count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>',
    '<bpmn:exclusiveGateway id="again" default="done" />',
    userTask('confirm', 'Confirm the count'),
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'count'),
    flow('f2', 'count', 'again'),
    flow('loop', 'again', 'count', '=n < limit'),
    flow('done', 'again', 'confirm'),
    flow('f3', 'confirm', 'end'),
  ].join('\n'),
  { id: 'longLoop' },
);

const LOOP_BESIDE_TASK = processXml(
  [
    '<bpmn:startEvent id="start" />',
    '<bpmn:parallelGateway id="fork" />',
    userTask('review', 'Review'),
    '<bpmn:scriptTask id="count" name="Count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>',
    '<bpmn:exclusiveGateway id="again" default="done" />',
    '<bpmn:parallelGateway id="join" />',
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'fork'),
    flow('f2', 'fork', 'review'),
    flow('f3', 'fork', 'count'),
    flow('f4', 'count', 'again'),
    flow('loop', 'again', 'count', '=n < limit'),
    flow('done', 'again', 'join'),
    flow('f5', 'review', 'join'),
    flow('f6', 'join', 'end'),
  ].join('\n'),
  { id: 'loopBesideTask' },
);

const LOOP_IN_SUB_PROCESS = processXml(
  [
    '<bpmn:startEvent id="start" />',
    `<bpmn:subProcess id="counting" name="Counting">
       <bpmn:startEvent id="innerStart" />
       <bpmn:scriptTask id="count" name="Count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>
       <bpmn:exclusiveGateway id="again" default="done" />
       <bpmn:endEvent id="innerEnd" />
       ${flow('s1', 'innerStart', 'count')}
       ${flow('s2', 'count', 'again')}
       ${flow('loop', 'again', 'count', '=n < limit')}
       ${flow('done', 'again', 'innerEnd')}
     </bpmn:subProcess>`,
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'counting'),
    flow('f2', 'counting', 'end'),
  ].join('\n'),
  { id: 'loopInSubProcess' },
);

const LOOP_WITH_TIMER = processXml(
  [
    '<bpmn:startEvent id="start" />',
    '<bpmn:intermediateCatchEvent id="pause" name="Pause"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT0.3S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
    '<bpmn:scriptTask id="count" name="Count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>',
    '<bpmn:exclusiveGateway id="again" default="done" />',
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'pause'),
    flow('f2', 'pause', 'count'),
    flow('f3', 'count', 'again'),
    flow('loop', 'again', 'pause', '=n < limit'),
    flow('done', 'again', 'end'),
  ].join('\n'),
  { id: 'loopWithTimer' },
);

describe('long runs', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('a process that loops 5,000 times completes, continuing as new on the way and keeping its variables', async () => {
    // given
    const handle = await harness.start(await compileOrThrow(LOOP), { n: 0, limit: Number(process.env.LOOP_LIMIT ?? 5000) });

    // when
    const confirm = await eventually(() => harness.db.task.findFirst({ where: { instanceId: handle.workflowId, elementId: 'confirm' } }), 100_000, 'the task after the loop');
    await completeTask(handle, confirm.id, { confirmed: true });
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables).toEqual({ n: Number(process.env.LOOP_LIMIT ?? 5000), limit: Number(process.env.LOOP_LIMIT ?? 5000), confirmed: true });
    expect(result.path.filter((id) => id === 'count')).toHaveLength(Number(process.env.LOOP_LIMIT ?? 5000));
    const first = await harness.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
  }, 120_000);

  it('times every stay in a waiting element for the heatmap, across continue-as-new', async () => {
    // given a loop through a timer, in runs of a few steps, so several runs each time some of the stays
    const handle = await harness.start(await compileOrThrow(LOOP_WITH_TIMER), { n: 0, limit: 6 }, { stepsPerRun: 4 });

    // when
    const result = await handle.result();

    // then every stay in the timer is one visit row, none lost or doubled at a change of run
    expect(result.status).toBe('completed');
    const first = await harness.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe();
    expect(first.status.name, 'the instance moved to a new run on the way').toBe('CONTINUED_AS_NEW');
    const visits = await harness.db.elementVisit.findMany({ where: { instanceId: handle.workflowId, elementId: 'pause' } });
    expect(visits).toHaveLength(6);
    expect(new Set(visits.map((visit) => visit.elementInstanceId)).size).toBe(6);
    for (const visit of visits) expect(visit.durationMs).toBeGreaterThanOrEqual(300);
  }, 60_000);

  it('a task that is open while the run continues as new is still completed by its original id', async () => {
    // given: one branch waits in a task while the other loops long enough to continue as new
    const handle = await harness.start(await compileOrThrow(LOOP_BESIDE_TASK), { n: 0, limit: 1500 });
    const review = await openTaskOf(harness.db, handle.workflowId, 'review');
    await eventually(async () => (await harness.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe()).status.name === 'CONTINUED_AS_NEW');

    // when
    await completeTask(handle, review.id, { reviewed: true });
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables).toEqual({ n: 1500, limit: 1500, reviewed: true });
    expect(await harness.db.task.count({ where: { instanceId: handle.workflowId } })).toBe(1);
    expect((await harness.db.task.findUniqueOrThrow({ where: { id: review.id } })).state).toBe('completed');
  }, 60_000);
  it('a completion that reaches the new run before it has picked its tasks up again waits for the task instead of being refused', async () => {
    // given: the instance has continued as new with the review open; its next run is started
    // again from the same input while no worker polls, so the completion arrives in that run's
    // very first workflow task, before the run has restored anything
    const handle = await harness.start(await compileOrThrow(LOOP_BESIDE_TASK), { n: 0, limit: 1500 });
    const review = await openTaskOf(harness.db, handle.workflowId, 'review');
    await eventually(async () => (await harness.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe()).status.name === 'CONTINUED_AS_NEW');
    await harness.stopWorker();
    const current = harness.client.workflow.getHandle(handle.workflowId);
    const started = (await current.fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const input = defaultPayloadConverter.fromPayload<ProcessInput>(started!);
    expect(input.resume).toBeDefined();
    await current.terminate('replaced by the same run started again below');
    const again = await harness.client.workflow.start<typeof processInstance>(PROCESS_WORKFLOW, { taskQueue: harness.taskQueue, workflowId: `${handle.workflowId}-again`, args: [input] });

    // when
    const completion = again.executeUpdate(completeTaskUpdate, { args: [{ taskId: review.id, variables: { reviewed: true }, completedBy: 'alice' }] });
    await harness.startWorker();
    await completion;
    const result = await again.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables).toMatchObject({ reviewed: true, n: 1500 });
    expect((await harness.db.task.findUniqueOrThrow({ where: { id: review.id } })).state).toBe('completed');
  }, 90_000);
  it('a long loop inside a sub-process, which cannot move to a new run, yields between activations and completes', async () => {
    // given
    const handle = await harness.start(await compileOrThrow(LOOP_IN_SUB_PROCESS), { n: 0, limit: 1200 });

    // when
    const result = await handle.result();

    // then
    expect(result).toMatchObject({ status: 'completed', variables: { n: 1200, limit: 1200 } });
    expect(result.path.filter((id) => id === 'count')).toHaveLength(1200);
  }, 60_000);
});
