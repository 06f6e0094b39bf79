/**
 * Process instances: starting one (a definition version pinned into a new workflow),
 * reading them within the caller's scope, canceling, retrying incidents.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { InstanceState, InstanceStatus, Variables } from '../../workflows/contract';
import { instanceScope } from './access';
import { type ApiDeps, type AuthUser, type Db, hasRole } from './context';
import { findDefinition, parseModel } from './definition.service';
import { instanceListWhere, instanceOrder } from './instance-list';
import { conflict, forbidden, notFound } from './errors';
import type { InstanceDetail, InstanceListQuery, InstanceSummary, StartInstanceBody } from './schemas/instance.schemas';
import { queryState, sendCancel, sendRetryIncident, startProcessWorkflow } from './temporal-gateway';

type Summary = z.output<typeof InstanceSummary>;
type Detail = z.output<typeof InstanceDetail>;

const ENDED: InstanceStatus[] = ['completed', 'terminated', 'canceled'];

interface InstanceRow {
  id: string;
  definitionId: string;
  processKey: string;
  version: number;
  businessKey: string | null;
  status: string;
  startedBy: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

function toSummary(row: InstanceRow): Summary {
  return {
    id: row.id,
    definitionId: row.definitionId,
    processKey: row.processKey,
    version: row.version,
    businessKey: row.businessKey,
    status: row.status as InstanceStatus,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

/**
 * Starts an instance of the latest (or given) version of `processKey`. The Instance
 * row is written before the workflow starts, so the tasks the workflow opens always
 * find it; it is removed again when Temporal refuses the start.
 * The starter's username is given to the process as `initiator` (always the signed-in
 * user, never what the caller claims), so a procedure can hand its first step back to
 * whoever raised it.
 * Throws HttpError 404 for an unknown process, 503 when Temporal is unreachable.
 */
export async function startInstance(
  deps: ApiDeps,
  user: AuthUser,
  input: z.output<typeof StartInstanceBody>,
  /** `startEventId`: a message or signal start event to start at (engine/api/start-events.ts). */
  options: { startEventId?: string } = {},
): Promise<{ id: string }> {
  const definition = await findDefinition(deps.db, input.processKey, input.version);
  const id = randomUUID();
  const variables = { ...input.variables, initiator: user.username };
  await deps.db.instance.create({
    data: {
      id,
      definitionId: definition.id,
      processKey: definition.key,
      version: definition.version,
      businessKey: input.businessKey ?? null,
      status: 'active',
      variables: JSON.stringify(variables),
      startedBy: user.username,
    },
  });
  try {
    await startProcessWorkflow(deps, {
      instanceId: id,
      definitionId: definition.id,
      processKey: definition.key,
      version: definition.version,
      businessKey: input.businessKey,
      model: parseModel(definition.model),
      variables,
      startedBy: user.username,
      startEventId: options.startEventId,
    });
  } catch (err) {
    await deps.db.instance.delete({ where: { id } }).catch(() => undefined);
    throw err;
  }
  return { id };
}

/** A page of the instances `user` may see that match the filters (instance-list.ts). */
export async function listInstances(db: Db, user: AuthUser, query: z.output<typeof InstanceListQuery>) {
  const where = instanceListWhere(user, query);
  const [rows, total] = await Promise.all([
    db.instance.findMany({
      where,
      orderBy: instanceOrder(query.sort),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.instance.count({ where }),
  ]);
  return { items: rows.map(toSummary), total };
}

/** The instance row if `user` may see it; HttpError 404 otherwise (no hint that it exists). */
export async function findVisible(db: Db, user: AuthUser, id: string) {
  const scope = instanceScope(user);
  const row = await db.instance.findFirst({ where: scope ? { AND: [{ id }, scope] } : { id } });
  if (!row) throw notFound(`No instance "${id}"`);
  return row;
}

/**
 * One instance with its variables, active elements, path and incidents: live from the
 * workflow while it runs and answers, otherwise from the database read model. Also the
 * instance that called it (if any) and the instances its call activities started.
 */
export async function getInstance(deps: ApiDeps, user: AuthUser, id: string): Promise<Detail> {
  const row = await findVisible(deps.db, user, id);
  const live = ENDED.includes(row.status as InstanceStatus) ? undefined : await queryState(deps, id);
  const state = live ?? (await stateFromDatabase(deps.db, row));
  // Whoever sees the caller sees which instances it started; opening one keeps its own access rules.
  const children = await deps.db.instance.findMany({
    where: { parentInstanceId: id },
    select: { id: true, processKey: true, status: true },
    orderBy: { startedAt: 'asc' },
  });
  return {
    ...toSummary(row),
    parentInstanceId: row.parentInstanceId,
    children: children.map((child) => ({ ...child, status: child.status as InstanceStatus })),
    ...state,
    status: state.status,
    source: live ? 'live' : 'database',
  };
}

async function stateFromDatabase(
  db: Db,
  row: { id: string; status: string; variables: string; path: string },
): Promise<InstanceState> {
  const [openTasks, incidents] = await Promise.all([
    db.task.findMany({ where: { instanceId: row.id, state: 'open' }, select: { elementId: true }, orderBy: { createdAt: 'asc' } }),
    db.incident.findMany({ where: { instanceId: row.id, state: 'open' }, orderBy: { createdAt: 'asc' } }),
  ]);
  return {
    status: row.status as InstanceStatus,
    variables: parseJson<Variables>(row.variables, {}),
    path: parseJson<string[]>(row.path, []),
    activeElements: [...new Set([...openTasks.map((t) => t.elementId), ...incidents.map((i) => i.elementId)])],
    incidents: incidents.map((i) => ({
      id: i.id,
      elementId: i.elementId,
      elementInstanceId: i.elementInstanceId,
      message: i.message,
      createdAt: i.createdAt.toISOString(),
    })),
  };
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A row for an action: 404 when missing, 403 when `user` may not act on it. */
async function findForAction(db: Db, user: AuthUser, id: string, allowed: (user: AuthUser, startedBy: string | null) => boolean) {
  const row = await db.instance.findUnique({ where: { id } });
  if (!row) throw notFound(`No instance "${id}"`);
  const scope = instanceScope(user);
  const visible = !scope || (await db.instance.count({ where: { AND: [{ id }, scope] } })) > 0;
  if (!visible || !allowed(user, row.startedBy)) throw forbidden('You may not change this instance');
  return row;
}

/**
 * Asks a running instance to cancel (admin, whoever started it, or a manager who sees
 * it). Throws HttpError 409 when it has already ended.
 */
export async function cancelInstance(deps: ApiDeps, user: AuthUser, id: string, reason: string): Promise<void> {
  const row = await findForAction(
    deps.db,
    user,
    id,
    (u, startedBy) => hasRole(u, 'admin', 'manager') || startedBy === u.username,
  );
  if (ENDED.includes(row.status as InstanceStatus)) throw conflict(`The instance has already ${row.status === 'completed' ? 'completed' : 'ended'}`);
  // As in Camunda: a called instance ends with its call activity; cancel the calling instance instead.
  if (row.parentInstanceId) throw conflict(`The instance was started by a call activity of instance ${row.parentInstanceId}; cancel that instance instead`);
  await sendCancel(deps, id, reason, user.username);
}

/**
 * Runs the element of an open incident again, optionally with corrected variables
 * (admin, or a process owner / manager who sees the instance).
 * Throws HttpError 404 for an unknown incident, 409 when it is not open.
 */
export async function retryIncident(
  deps: ApiDeps,
  user: AuthUser,
  id: string,
  incidentId: string,
  variables: Variables | undefined,
): Promise<void> {
  await findForAction(deps.db, user, id, (u) => hasRole(u, 'admin', 'owner', 'manager'));
  const incident = await deps.db.incident.findFirst({ where: { id: incidentId, instanceId: id } });
  if (!incident) throw notFound(`No incident "${incidentId}" on instance "${id}"`);
  if (incident.state !== 'open') throw conflict('The incident is already resolved');
  await sendRetryIncident(deps, id, { incidentId, variables, retriedBy: user.username });
}
