/**
 * The bench's baseline: the ten-step process of `ten-steps.bpmn` written by hand as a
 * plain Temporal workflow, calling the same activities the interpreter calls. The gap
 * between this and the interpreter is the cost of interpreting a model.
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
