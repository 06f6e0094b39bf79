/**
 * Read-model rows for the monitor and instance-list tests: instances with a chosen
 * process, version, start and end, their incidents and escalation events, and deployed
 * definitions with an owner — written straight into the database.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../engine/db/client';

export interface InstanceRowInput {
  processKey?: string;
  version?: number;
  status?: string;
  businessKey?: string;
  startedBy?: string;
  startedAt?: Date;
  endedAt?: Date;
}

export async function insertInstanceRow(db: Db, input: InstanceRowInput = {}): Promise<string> {
  const id = randomUUID();
  await db.instance.create({
    data: {
      id,
      definitionId: 'def-1',
      processKey: input.processKey ?? 'capa',
      version: input.version ?? 1,
      status: input.status ?? 'active',
      businessKey: input.businessKey ?? null,
      startedBy: input.startedBy ?? null,
      startedAt: input.startedAt ?? new Date(),
      endedAt: input.endedAt ?? null,
    },
  });
  return id;
}

export async function insertIncident(db: Db, instanceId: string, state: 'open' | 'resolved' = 'open'): Promise<void> {
  await db.incident.create({
    data: { id: randomUUID(), instanceId, elementId: 'Task_Check', elementInstanceId: randomUUID(), message: 'no flow matched', state },
  });
}

export async function insertEscalation(db: Db, input: { taskId: string; instanceId: string; processKey: string; at: Date; kind?: 'reminder' | 'escalation' }): Promise<string> {
  const id = randomUUID();
  await db.taskEscalation.create({ data: { id, kind: 'escalation', level: 1, ...input } });
  return id;
}

/** A definition row of `key` (no compiled model needed by the monitor). */
export async function insertDefinition(db: Db, input: { key: string; version?: number; owner?: string; deployedBy?: string }): Promise<void> {
  await db.definition.create({
    data: {
      key: input.key,
      version: input.version ?? 1,
      name: input.key,
      xml: '<definitions/>',
      model: '{}',
      hash: randomUUID(),
      owner: input.owner ?? null,
      deployedBy: input.deployedBy ?? null,
    },
  });
}
