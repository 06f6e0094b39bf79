/**
 * The bench scenarios. Each runs N instances through the interpreter and N through its
 * hand-written baseline, and prints both with their ratio. The first scenario (ten steps)
 * also runs a few warm-up instances of each, which warms both workers for the others.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { compile, compileOrThrow } from '../../engine/compiler';
import type { Db } from '../../engine/db/client';
import { completeTaskUpdate, type ProcessInput, type Variables } from '../../workflows/contract';
import type { ProcessModel } from '../../workflows/model';
import { parallelMultiInstance, sequentialServiceTasks } from './diagrams';
import { measure, report } from './measure';

export interface BenchSetup {
  client: Client;
  db: Db;
  log: (line: string) => void;
  interpreterQueue: string;
  handwrittenQueue: string;
  interpreterType: string;
}

const INTERPRETER = 'interpreter (BPMN model)';
const HANDWRITTEN = 'hand-written workflow';
const USER_TASKS = 5;

/** Five user tasks and five service tasks; the user tasks are completed as soon as they open. */
export async function benchTenSteps(setup: BenchSetup, model: ProcessModel, instances: number, concurrency: number): Promise<void> {
  const once = (queue: string, type: string) => async () => {
    const handle = await startInstance(setup, queue, type, model, { amount: 1 });
    for (let completed = 0; completed < USER_TASKS; completed++) {
      const task = await waitForOpenTask(setup.db, handle.workflowId);
      await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, variables: { step: completed }, completedBy: 'alice' }] });
    }
    await handle.result();
  };
  setup.log(`\nBench: ten steps (${USER_TASKS} user tasks, ${USER_TASKS} service tasks), ${instances} instances, ${concurrency} at a time`);
  await compare(setup, `ten steps, ${instances} instances`, instances, concurrency, Math.min(3, instances), once(setup.interpreterQueue, setup.interpreterType), once(setup.handwrittenQueue, 'handwrittenTenSteps'));
}

/** `steps` service tasks in a row, no waits in between. */
export async function benchSequential(setup: BenchSetup, steps: number, instances: number, concurrency: number): Promise<void> {
  const model = await compileOrThrow(sequentialServiceTasks(steps));
  const variables = { steps };
  setup.log(`\nBench: ${steps} sequential service tasks, ${instances} instances, ${concurrency} at a time`);
  await compare(setup, `${steps} sequential steps, ${instances} instances`, instances, concurrency, 0,
    () => runToEnd(setup, setup.interpreterQueue, setup.interpreterType, model, variables),
    () => runToEnd(setup, setup.handwrittenQueue, 'handwrittenSequentialSteps', model, variables));
}

/**
 * A parallel multi-instance service task over `width` items against `width` parallel
 * activities. Prints "not available in this build" with the reason when the compiler
 * rejects the diagram or a probe instance does not complete with the expected output.
 */
export async function benchMultiInstance(setup: BenchSetup, width: number, instances: number, concurrency: number): Promise<void> {
  const items = Array.from({ length: width }, (_, index) => index + 1);
  const variables = { items };
  setup.log(`\nBench: ${width}-way parallel multi-instance service task, ${instances} instances, ${concurrency} at a time`);
  const compiled = await compile(parallelMultiInstance());
  if (!compiled.model) {
    setup.log(`multi-instance: not available in this build (the compiler rejects the diagram: ${compiled.errors.map((error) => error.message).join('; ')})`);
    return;
  }
  const model = compiled.model;
  const unavailable = await probeMultiInstance(setup, model, variables);
  if (unavailable) {
    setup.log(`multi-instance: not available in this build (${unavailable})`);
    return;
  }
  await compare(setup, `${width}-way parallel multi-instance, ${instances} instances`, instances, concurrency, 0,
    () => runToEnd(setup, setup.interpreterQueue, setup.interpreterType, model, variables),
    () => runToEnd(setup, setup.handwrittenQueue, 'handwrittenParallelItems', model, variables));
}

/** Why the interpreter cannot run the multi-instance model (undefined when it can). */
async function probeMultiInstance(setup: BenchSetup, model: ProcessModel, variables: Variables): Promise<string | undefined> {
  const handle = await startInstance(setup, setup.interpreterQueue, setup.interpreterType, model, variables);
  try {
    const result = await withTimeout(handle.result() as Promise<{ status: string; variables: Variables }>, 30_000);
    if (result === undefined) {
      const incident = await setup.db.incident.findFirst({ where: { instanceId: handle.workflowId } });
      return incident ? `incident on ${incident.elementId}: ${incident.message}` : 'a probe instance did not complete within 30 s';
    }
    if (result.status !== 'completed') return `a probe instance ended ${result.status}`;
    if (JSON.stringify(result.variables.results) !== JSON.stringify(variables.items)) return `the output collection was ${JSON.stringify(result.variables.results)}`;
    return undefined;
  } catch (error) {
    return `a probe instance failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await handle.terminate('bench probe over').catch(() => undefined);
  }
}

async function compare(
  setup: BenchSetup, title: string, instances: number, concurrency: number, warmUp: number,
  interpreter: () => Promise<void>, handwritten: () => Promise<void>,
): Promise<void> {
  if (warmUp > 0) {
    await measure(INTERPRETER, warmUp, concurrency, interpreter);
    await measure(HANDWRITTEN, warmUp, concurrency, handwritten);
  }
  const figures = [await measure(INTERPRETER, instances, concurrency, interpreter), await measure(HANDWRITTEN, instances, concurrency, handwritten)];
  report(title, figures[0], figures[1], setup.log);
}

async function startInstance(setup: BenchSetup, taskQueue: string, workflowType: string, model: ProcessModel, variables: Variables) {
  const instanceId = randomUUID();
  const input: ProcessInput = { instanceId, definitionId: 'bench', processKey: model.id, version: 1, model, variables };
  return setup.client.workflow.start(workflowType, { taskQueue, workflowId: instanceId, args: [input] });
}

async function runToEnd(setup: BenchSetup, taskQueue: string, workflowType: string, model: ProcessModel, variables: Variables): Promise<void> {
  const handle = await startInstance(setup, taskQueue, workflowType, model, variables);
  const result = (await handle.result()) as { status?: string } | undefined;
  if (result?.status !== undefined && result.status !== 'completed') throw new Error(`Instance ${handle.workflowId} ended ${result.status}`);
}

async function waitForOpenTask(db: Db, instanceId: string): Promise<{ id: string }> {
  for (;;) {
    const task = await db.task.findFirst({ where: { instanceId, state: 'open' }, select: { id: true } });
    if (task) return task;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
