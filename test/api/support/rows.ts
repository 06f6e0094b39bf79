/**
 * Instances and tasks written straight into the read model, for the API paths that are
 * decided before Temporal is asked (authorisation, 404, 409, 422).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../engine/db/client';

export interface TaskRowInput {
  instanceId?: string;
  name?: string;
  assignee?: string | null;
  candidateGroups?: string[];
  candidateUsers?: string[];
  state?: 'open' | 'completed' | 'canceled';
  completedBy?: string;
  dueAt?: Date;
  priority?: number;
  form?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  processKey?: string;
}

export async function insertInstance(
  db: Db,
  input: { startedBy?: string; processKey?: string; status?: string; businessKey?: string } = {},
): Promise<string> {
  const id = randomUUID();
  await db.instance.create({
    data: {
      id,
      definitionId: 'def-1',
      processKey: input.processKey ?? 'capa',
      version: 1,
      status: input.status ?? 'active',
      startedBy: input.startedBy ?? null,
      businessKey: input.businessKey ?? null,
      variables: JSON.stringify({ severity: 'high' }),
      path: JSON.stringify(['start']),
    },
  });
  return id;
}

export async function insertTask(db: Db, input: TaskRowInput = {}): Promise<string> {
  const id = randomUUID();
  const instanceId = input.instanceId ?? (await insertInstance(db));
  await db.task.create({
    data: {
      id,
      instanceId,
      definitionId: 'def-1',
      processKey: input.processKey ?? 'capa',
      elementId: 'Task_Review',
      elementInstanceId: randomUUID(),
      name: input.name ?? 'Review',
      assignee: input.assignee ?? null,
      state: input.state ?? 'open',
      completedBy: input.completedBy ?? null,
      dueAt: input.dueAt ?? null,
      priority: input.priority ?? 50,
      form: input.form ? JSON.stringify({ schema: input.form }) : null,
      variables: JSON.stringify(input.variables ?? {}),
      candidates: {
        create: [
          ...(input.candidateGroups ?? []).map((value) => ({ kind: 'group', value })),
          ...(input.candidateUsers ?? []).map((value) => ({ kind: 'user', value })),
        ],
      },
    },
  });
  return id;
}
