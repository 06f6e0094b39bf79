/**
 * The bench's baselines: the ten-step process of `ten-steps.bpmn`, and the long and the
 * multi-instance processes of diagrams.ts, written by hand as plain Temporal workflows
 * calling the same activities the interpreter calls. The gap between these and the
 * interpreter is the cost of interpreting a model.
 */
import { condition, proxyActivities, proxyLocalActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { QualflowActivities } from '../../activities/types';
import { completeTaskUpdate, type ProcessInput, type Variables } from '../../workflows/contract';

const local = proxyLocalActivities<QualflowActivities>({ startToCloseTimeout: '30s' });
const remote = proxyActivities<QualflowActivities>({ startToCloseTimeout: '1m', retry: { maximumAttempts: 3 } });

export async function handwrittenTenSteps(input: ProcessInput): Promise<void> {
  const { instanceId } = input;
  let variables: Variables = { ...input.variables };
  const path: string[] = ['Start'];
  let waitingTaskId: string | undefined;
  let completed = false;

  setHandler(
    completeTaskUpdate,
    async ({ taskId, variables: submitted, completedBy }) => {
      variables = { ...variables, ...submitted };
      await local.closeTask({ taskId, state: 'completed', closedBy: completedBy, variables: submitted });
      completed = true;
    },
    { validator: ({ taskId }) => { if (taskId !== waitingTaskId) throw new Error(`Task ${taskId} is not waiting`); } },
  );

  await local.recordInstanceState({ instanceId, status: 'active', variables, path });
  for (let step = 1; step <= 5; step++) {
    const taskId = uuid4();
    await local.openTask({
      taskId, instanceId, processKey: input.processKey, definitionId: input.definitionId,
      elementId: `U${step}`, elementInstanceId: `${step * 2}`, name: `Step ${step * 2 - 1}`,
      assignee: 'alice', candidateGroups: [], candidateUsers: [], priority: 50, variables,
    });
    waitingTaskId = taskId;
    completed = false;
    await local.recordInstanceState({ instanceId, status: 'active', variables, path });
    await condition(() => completed);
    waitingTaskId = undefined;
    path.push(`U${step}`);
    const result = await remote.runServiceTask({
      instanceId, processKey: input.processKey, elementId: `S${step}`, elementInstanceId: `${step * 2 + 1}`,
      taskType: 'qualflow:notify', headers: { to: 'alice', subject: `Step ${step * 2}`, body: 'done' }, variables,
    });
    variables = { ...variables, ...result.variables };
    path.push(`S${step}`);
  }
  path.push('End');
  await local.recordInstanceState({ instanceId, status: 'completed', variables, path, ended: true });
}

/** Baseline of the long-process bench: `steps` service tasks one after another (`input.variables.steps`). */
export async function handwrittenSequentialSteps(input: ProcessInput): Promise<void> {
  const { instanceId } = input;
  const steps = Number(input.variables.steps);
  let variables: Variables = { ...input.variables };
  const path: string[] = ['Start'];
  await local.recordInstanceState({ instanceId, status: 'active', variables, path });
  for (let step = 1; step <= steps; step++) {
    const result = await remote.runServiceTask({
      instanceId, processKey: input.processKey, elementId: `S${step}`, elementInstanceId: `${step + 1}`,
      taskType: 'qualflow:set-variables', headers: { last: String(step) }, variables,
    });
    variables = { ...variables, ...result.variables };
    path.push(`S${step}`);
  }
  path.push('End');
  await local.recordInstanceState({ instanceId, status: 'completed', variables, path, ended: true });
}

/** Baseline of the multi-instance bench: one service task per item of `input.variables.items`, all at once, results in item order. */
export async function handwrittenParallelItems(input: ProcessInput): Promise<void> {
  const { instanceId } = input;
  const items = input.variables.items as unknown[];
  const variables: Variables = { ...input.variables };
  await local.recordInstanceState({ instanceId, status: 'active', variables, path: ['Start'] });
  await Promise.all(items.map((item, index) => remote.runServiceTask({
    instanceId, processKey: input.processKey, elementId: 'Each', elementInstanceId: `${index + 2}`,
    taskType: 'qualflow:set-variables', headers: { last: 'item' }, variables: { ...variables, item, loopCounter: index + 1 },
  })));
  const results = [...items];
  await local.recordInstanceState({ instanceId, status: 'completed', variables: { ...variables, results }, path: ['Start', 'Each', 'End'], ended: true });
}
