/**
 * Seeds a tasklist/monitor load fast: instances, their tasks (five per instance, the last
 * one open), candidate groups, incidents and escalation events, spread over ten processes,
 * forty staff in four teams and the last 180 days — in `createMany` batches inside
 * transactions. Deterministic (a seeded random generator), so runs compare.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../engine/db/client';

export const PROCESSES = Array.from({ length: 10 }, (_, i) => `process-${i + 1}`);
export const TEAMS = ['quality', 'document-control', 'production', 'suppliers'];
export const STAFF = Array.from({ length: 40 }, (_, i) => `staff-${i + 1}`);
const TASKS_PER_INSTANCE = 5;
const BATCH = 5_000;
const DAY = 24 * 60 * 60 * 1000;

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/** Adds `instances` instances with five tasks each (so 5 × instances tasks) as of `now`. */
export async function seedMonitorLoad(db: Db, instances: number, now: Date, seed = 1): Promise<void> {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const instanceRows = [];
  const taskRows = [];
  const candidateRows = [];
  const incidentRows = [];
  const escalationRows = [];
  for (let i = 0; i < instances; i++) {
    const id = randomUUID();
    const processKey = pick(PROCESSES);
    const startedAt = new Date(now.getTime() - next() * 180 * DAY);
    const roll = next();
    const status = roll < 0.3 ? 'completed' : roll < 0.35 ? 'incident' : 'active';
    const endedAt = status === 'completed' ? new Date(Math.min(now.getTime(), startedAt.getTime() + next() * 60 * DAY)) : null;
    instanceRows.push({ id, definitionId: `def-${processKey}`, processKey, version: 1 + Math.floor(next() * 3), businessKey: `${processKey.toUpperCase()}-${i}`, status, startedBy: pick(STAFF), startedAt, endedAt });
    if (status === 'incident') incidentRows.push({ id: randomUUID(), instanceId: id, elementId: 'Task_3', elementInstanceId: randomUUID(), message: 'no flow matched' });
    for (let step = 0; step < TASKS_PER_INSTANCE; step++) {
      const taskId = randomUUID();
      const open = status !== 'completed' && step === TASKS_PER_INSTANCE - 1;
      const grouped = next() < 0.3;
      const assignee = grouped && open ? null : pick(STAFF);
      const createdAt = new Date(startedAt.getTime() + step * DAY);
      const dueAt = next() < 0.8 ? new Date(createdAt.getTime() + (next() * 20 - 5) * DAY) : null;
      taskRows.push({
        id: taskId, instanceId: id, definitionId: `def-${processKey}`, processKey, elementId: `Task_${step + 1}`, elementInstanceId: randomUUID(),
        name: `Step ${step + 1}`, assignee, dueAt, priority: Math.floor(next() * 100), state: open ? 'open' : 'completed', createdAt,
        completedAt: open ? null : new Date(createdAt.getTime() + next() * 3 * DAY), completedBy: open ? null : assignee ?? pick(STAFF),
        escalationLevel: open && dueAt && dueAt < now && next() < 0.3 ? 1 : 0,
      });
      if (grouped) candidateRows.push({ taskId, kind: 'group', value: pick(TEAMS) });
      if (next() < 0.05) escalationRows.push({ id: randomUUID(), taskId, instanceId: id, processKey, kind: next() < 0.5 ? 'reminder' : 'escalation', level: 1, at: new Date(now.getTime() - next() * 45 * DAY) });
    }
  }
  await insertInBatches(instanceRows, (data) => db.instance.createMany({ data }));
  await insertInBatches(taskRows, (data) => db.task.createMany({ data }));
  await insertInBatches(candidateRows, (data) => db.taskCandidate.createMany({ data }));
  await insertInBatches(incidentRows, (data) => db.incident.createMany({ data }));
  await insertInBatches(escalationRows, (data) => db.taskEscalation.createMany({ data }));
}
