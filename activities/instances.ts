/**
 * Instance rows, incidents and the audit trail. Every write is keyed by an id the
 * workflow chose, so running an activity twice leaves the same rows. An `audit` entry
 * given with an input is written in the same transaction.
 */
import type { Db } from '../engine/db/client';
import type { AuditInput, ElementVisitInput, InstanceStateInput, RaiseIncidentInput, ResolveIncidentInput } from './types';
import { toJson, type ActivityDependencies } from './dependencies';
import { afterInstanceEnded } from './subscriptions';

type Clock = () => Date;
const systemClock: Clock = () => new Date();

/**
 * Writes the instance's status, variables and path; creates the row when it does not exist
 * yet (the API may have crashed after starting the workflow). An ended instance keeps its end state.
 */
export async function recordInstanceState(dependencies: ActivityDependencies, input: InstanceStateInput): Promise<void> {
  const { db, clock = systemClock } = dependencies;
  const state = {
    status: input.status,
    variables: toJson(input.variables),
    path: JSON.stringify(input.path ?? []),
    ...(input.ended ? { endedAt: clock() } : {}),
  };
  const auditWrites = input.audit ? [auditUpsert(db, clock, input.audit)] : [];
  const visitWrites = (input.visits ?? []).map((visit) => visitUpsert(db, input, visit));
  const [updated] = await db.$transaction([
    db.instance.updateMany({ where: { id: input.instanceId, endedAt: null }, data: state }),
    ...auditWrites,
    ...visitWrites,
  ]);
  if (updated.count > 0) {
    if (input.ended && input.processKey) await startWaitingMessageStarts(dependencies, input.processKey, input.businessKey);
    return;
  }
  await db.instance.upsert({
    where: { id: input.instanceId },
    update: {},
    create: {
      id: input.instanceId,
      definitionId: input.definitionId ?? 'unknown',
      processKey: input.processKey ?? 'unknown',
      version: input.version ?? 0,
      businessKey: input.businessKey ?? null,
      startedBy: input.startedBy ?? null,
      parentInstanceId: input.parentInstanceId ?? null,
      ...state,
    },
  });
}

/** The write of one element visit, once per instance and element instance id (a retried write adds nothing). */
function visitUpsert(db: Db, input: InstanceStateInput, visit: ElementVisitInput) {
  return db.elementVisit.upsert({
    where: { instanceId_elementInstanceId: { instanceId: input.instanceId, elementInstanceId: visit.elementInstanceId } },
    update: {},
    create: {
      instanceId: input.instanceId,
      elementInstanceId: visit.elementInstanceId,
      processKey: input.processKey ?? 'unknown',
      version: input.version ?? 0,
      elementId: visit.elementId,
      enteredAt: new Date(visit.enteredAt),
      leftAt: new Date(visit.leftAt),
      durationMs: visit.leftAt - visit.enteredAt,
    },
  });
}

/** Records an open incident and flags the instance (the workflow records its full state right after). */
export async function raiseIncident({ db, clock = systemClock }: ActivityDependencies, input: RaiseIncidentInput): Promise<void> {
  await db.$transaction([
    db.incident.upsert({
      where: { id: input.incidentId },
      update: {},
      create: {
        id: input.incidentId,
        instanceId: input.instanceId,
        elementId: input.elementId,
        elementInstanceId: input.elementInstanceId,
        message: input.message,
      },
    }),
    db.instance.updateMany({ where: { id: input.instanceId, endedAt: null }, data: { status: 'incident' } }),
    ...(input.audit ? [auditUpsert(db, clock, input.audit)] : []),
  ]);
}

/** Marks an open incident resolved; resolving twice changes nothing. */
export async function resolveIncident({ db, clock = systemClock }: ActivityDependencies, input: ResolveIncidentInput): Promise<void> {
  await db.$transaction([
    db.incident.updateMany({
      where: { id: input.incidentId, state: 'open' },
      data: { state: 'resolved', resolvedAt: clock(), resolvedBy: input.resolvedBy ?? null },
    }),
    ...(input.audit ? [auditUpsert(db, clock, input.audit)] : []),
  ]);
}

/** Appends an audit entry once per id. */
export async function audit({ db, clock = systemClock }: ActivityDependencies, input: AuditInput): Promise<void> {
  await auditUpsert(db, clock, input);
}

/** The write of one audit entry (idempotent by its id), to run alone or inside a transaction. */
export function auditUpsert(db: Db, clock: Clock, input: AuditInput) {
  return db.auditEntry.upsert({
    where: { id: input.id },
    update: {},
    create: {
      id: input.id,
      at: clock(),
      actor: input.actor,
      action: input.action,
      instanceId: input.instanceId ?? null,
      taskId: input.taskId ?? null,
      details: toJson(input.details),
    },
  });
}

/**
 * A kept message that could not start an instance while one with its correlation key was
 * active starts one now (Camunda's one-active-instance-per-key rule). Best effort: the
 * instance has ended either way, and the next publish tries again.
 */
async function startWaitingMessageStarts(dependencies: ActivityDependencies, processKey: string, businessKey: string | undefined): Promise<void> {
  try {
    await afterInstanceEnded(dependencies, { processKey, businessKey });
  } catch (error) {
    console.warn(`Starting from kept messages after an instance of ${processKey} ended failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
