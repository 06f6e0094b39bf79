/**
 * Publishing messages and broadcasting signals, for the API and for processes alike
 * (activities/subscriptions.ts), following Camunda 8's rules:
 *
 * - a message reaches each process (BPMN process id, any version) at most once: a message
 *   start event of the process, or else the oldest waiting subscription of one of its
 *   instances; different processes each get it;
 * - a message start event does not start a second instance while one started with the same
 *   (non-empty) correlation key is active (the correlation key is the instance's business key);
 * - a message with a time to live is kept that long; a subscription opened later takes it
 *   (once per process, see `openSubscription`); a message id is refused while a message
 *   with that id is still kept;
 * - a signal reaches every waiting signal subscription of every instance and starts one
 *   instance of every process whose latest version has a matching signal start event.
 *
 * Delivery to an instance is the `correlate` update. Publishing waits for the receiving
 * instance to settle (the answer then says whether it was really reached), except for the
 * instance that publishes: a process waiting on its own update would block itself.
 */
import { WorkflowNotFoundError, WorkflowUpdateStage } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import { correlateUpdate, type CorrelationRequest, type Variables } from '../../workflows/contract';
import { addDuration, parseIsoDuration } from '../../workflows/durations';
import { type ApiDeps, type Db, DEFAULT_TIMEOUTS, type TemporalTimeouts } from './context';
import { conflict, isTemporalUnavailable, DependencyUnavailableError } from './errors';
import { startAtEvent } from './start-events';

/** What delivery needs: the API's dependencies, or the worker's (activities). */
export interface DeliveryDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  timeouts?: Partial<TemporalTimeouts>;
  log?: (line: string) => void;
  clock?: () => Date;
}

export interface PublishInput {
  name: string;
  /** Empty string: no correlation key (only message start events and subscriptions without key). */
  correlationKey: string;
  variables: Variables;
  /** 0: not kept. */
  timeToLiveMs: number;
  /** The publisher's idempotency id (refused while a message with it is kept). */
  messageId?: string;
  /** Unique per publication: the id instances deduplicate by (and the kept message's id). */
  eventId: string;
  publishedBy: string;
  /** The publishing instance, which is never waited on. */
  fromInstanceId?: string;
}

export interface SignalInput {
  name: string;
  variables: Variables;
  eventId: string;
  publishedBy: string;
  fromInstanceId?: string;
}

export interface Delivered {
  /** Waiting subscriptions of running instances it reached. */
  correlated: number;
  /** Instances started by message / signal start events. */
  started: number;
}

/** Milliseconds of an ISO 8601 duration (`PT1H`, `P1D`), or undefined when it is not one. */
export function timeToLiveMs(text: string): number | undefined {
  const duration = parseIsoDuration(text.trim());
  if (!duration) return undefined;
  const from = new Date(0);
  return addDuration(from, duration).getTime() - from.getTime();
}

/**
 * Publishes a message: starts instances at message start events, correlates to waiting
 * subscriptions (once per process), and keeps it for its time to live.
 *
 * @throws HttpError 409 when a message with the same message id is still kept; 503 when Temporal is unreachable.
 */
export async function publishMessage(deps: DeliveryDeps, input: PublishInput): Promise<Delivered> {
  const { db } = deps;
  const now = (deps.clock ?? (() => new Date()))();
  await db.message.deleteMany({ where: { expiresAt: { lte: now } } });
  const kept = input.timeToLiveMs > 0 ? await keep(db, input, new Date(now.getTime() + input.timeToLiveMs)) : false;
  const request: CorrelationRequest = { kind: 'message', name: input.name, correlationKey: input.correlationKey, variables: input.variables, eventId: input.eventId };
  // Read the waiting subscriptions before starting anything, so a new instance is not also correlated.
  const waiting = await db.subscription.findMany({
    where: {
      kind: 'message',
      name: input.name,
      state: 'open',
      instanceId: { not: null },
      // An empty key also reaches subscriptions made without one.
      OR: [{ correlationKey: input.correlationKey }, ...(input.correlationKey === '' ? [{ correlationKey: null }] : [])],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const starts = await db.subscription.findMany({
    where: { kind: 'message', name: input.name, state: 'open', instanceId: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const reachedProcesses = new Set<string>();
  let started = 0;
  for (const start of starts) {
    if (reachedProcesses.has(start.processKey)) continue;
    if (input.correlationKey !== '' && (await activeWithKey(db, start.processKey, input.correlationKey))) continue;
    if (kept && !(await claim(db, input.eventId, start.processKey, ''))) continue;
    reachedProcesses.add(start.processKey);
    const { id } = await startAtEvent(apiDeps(deps), start, { variables: input.variables, businessKey: input.correlationKey || undefined, startedBy: input.publishedBy });
    if (kept) await db.messageCorrelation.updateMany({ where: { messageId: input.eventId, processKey: start.processKey }, data: { instanceId: id } });
    started += 1;
  }
  let correlated = 0;
  for (const [processKey, instanceIds] of byProcess(waiting)) {
    if (reachedProcesses.has(processKey)) continue;
    if (kept && !(await claim(db, input.eventId, processKey, ''))) continue;
    let reachedId: string | undefined;
    for (const instanceId of instanceIds) {
      if ((await deliver(deps, instanceId, request, instanceId !== input.fromInstanceId)) > 0) {
        reachedId = instanceId;
        break;
      }
    }
    if (reachedId) correlated += 1;
    if (kept) await releaseOrRecord(db, input.eventId, processKey, reachedId);
  }
  return { correlated, started };
}

/**
 * After an instance started by a message ended: a message kept for the same process and
 * correlation key (published while that instance was active) now starts the next
 * instance, oldest first, as Camunda does. Answers how many it started (0 or 1).
 *
 * @throws HttpError 503 when Temporal is unreachable.
 */
export async function startFromKeptMessages(deps: DeliveryDeps, ended: { processKey: string; businessKey: string | null }): Promise<number> {
  const { db } = deps;
  if (!ended.businessKey || (await activeWithKey(db, ended.processKey, ended.businessKey))) return 0;
  const now = (deps.clock ?? (() => new Date()))();
  const starts = await db.subscription.findMany({
    where: { kind: 'message', state: 'open', instanceId: null, processKey: ended.processKey },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  if (starts.length === 0) return 0;
  const kept = await db.message.findMany({
    where: {
      name: { in: starts.map((start) => start.name) },
      correlationKey: ended.businessKey,
      expiresAt: { gt: now },
      correlations: { none: { processKey: ended.processKey } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  for (const message of kept) {
    const start = starts.find((candidate) => candidate.name === message.name);
    if (!start || !(await claim(db, message.id, ended.processKey, ''))) continue;
    const variables = JSON.parse(message.variables) as Variables;
    const { id } = await startAtEvent(apiDeps(deps), start, { variables, businessKey: ended.businessKey, startedBy: message.publishedBy ?? 'system' });
    await db.messageCorrelation.updateMany({ where: { messageId: message.id, processKey: ended.processKey }, data: { instanceId: id } });
    return 1;
  }
  return 0;
}

/**
 * Broadcasts a signal to every waiting signal subscription and every signal start event.
 *
 * @throws HttpError 503 when Temporal is unreachable.
 */
export async function broadcastSignal(deps: DeliveryDeps, input: SignalInput): Promise<Delivered> {
  const { db } = deps;
  const request: CorrelationRequest = { kind: 'signal', name: input.name, variables: input.variables, eventId: input.eventId };
  const waiting = await db.subscription.findMany({
    where: { kind: 'signal', name: input.name, state: 'open', instanceId: { not: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { instanceId: true },
  });
  const starts = await db.subscription.findMany({
    where: { kind: 'signal', name: input.name, state: 'open', instanceId: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const instanceIds = [...new Set(waiting.map((row) => row.instanceId as string))];
  const counts = await inBatches(instanceIds, 8, (instanceId) => deliver(deps, instanceId, request, instanceId !== input.fromInstanceId));
  const startedProcesses = new Set<string>();
  for (const start of starts) {
    if (startedProcesses.has(start.processKey)) continue;
    startedProcesses.add(start.processKey);
    await startAtEvent(apiDeps(deps), start, { variables: input.variables, startedBy: input.publishedBy });
  }
  return { correlated: counts.reduce((sum, count) => sum + count, 0), started: startedProcesses.size };
}

/** Writes the kept message. @throws HttpError 409 when its message id is taken by a kept message. */
async function keep(db: Db, input: PublishInput, expiresAt: Date): Promise<boolean> {
  if (input.messageId !== undefined) {
    const existing = await db.message.findUnique({ where: { messageId: input.messageId } });
    if (existing && existing.id !== input.eventId) throw conflict(`A message with the id "${input.messageId}" was already published and is still kept`);
  }
  try {
    await db.message.upsert({
      where: { id: input.eventId },
      update: {},
      create: {
        id: input.eventId,
        name: input.name,
        correlationKey: input.correlationKey,
        variables: JSON.stringify(input.variables ?? {}),
        messageId: input.messageId ?? null,
        publishedBy: input.publishedBy,
        expiresAt,
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw conflict(`A message with the id "${input.messageId}" was already published and is still kept`);
    throw err;
  }
  return true;
}

/** Marks the kept message as taken by `processKey`; false when an instance of it took it first. */
async function claim(db: Db, messageId: string, processKey: string, instanceId: string): Promise<boolean> {
  try {
    await db.messageCorrelation.create({ data: { messageId, processKey, instanceId } });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') return false;
    throw err;
  }
}

async function releaseOrRecord(db: Db, messageId: string, processKey: string, instanceId: string | undefined): Promise<void> {
  if (instanceId) await db.messageCorrelation.updateMany({ where: { messageId, processKey }, data: { instanceId } });
  // Nobody took it after all: an instance of the process that subscribes later still may.
  else await db.messageCorrelation.deleteMany({ where: { messageId, processKey, instanceId: '' } });
}

/** An active instance of `processKey` (any version) with this business key (= the message start's correlation key). */
async function activeWithKey(db: Db, processKey: string, businessKey: string): Promise<boolean> {
  return (await db.instance.count({ where: { processKey, businessKey, status: { in: ['active', 'incident'] } } })) > 0;
}

/** Instance ids per process, in the order of their oldest matching subscription. */
function byProcess(rows: { processKey: string; instanceId: string | null }[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.instanceId) continue;
    const ids = result.get(row.processKey) ?? [];
    if (!ids.includes(row.instanceId)) ids.push(row.instanceId);
    result.set(row.processKey, ids);
  }
  return result;
}

/**
 * Sends the `correlate` update to one instance and answers how many subscriptions it
 * reached. Without `awaitResult` it returns once the instance accepted the update
 * (counted as 1: its subscription is open in the database). An instance that no longer
 * runs reaches nothing; its leftover subscriptions are closed.
 */
async function deliver(deps: DeliveryDeps, instanceId: string, request: CorrelationRequest, awaitResult: boolean): Promise<number> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...deps.timeouts };
  const handle = deps.temporal.workflow.getHandle(instanceId);
  try {
    const update = await deps.temporal.withDeadline(Date.now() + timeouts.updateMs, () =>
      handle.startUpdate(correlateUpdate, { args: [request], waitForStage: WorkflowUpdateStage.ACCEPTED, updateId: `${request.kind}:${request.eventId}` }),
    );
    if (!awaitResult) return 1;
    const result = await withTimeout(update.result(), timeouts.updateMs);
    return result === undefined ? 1 : result.correlated;
  } catch (err) {
    if (isTemporalUnavailable(err)) throw new DependencyUnavailableError('temporal', err);
    (deps.log ?? ((line: string) => console.error(line)))(`Delivering ${request.kind} "${request.name}" to ${instanceId} failed: ${(err as Error).message}`);
    if (await hasEnded(deps, instanceId)) {
      await deps.db.subscription.updateMany({ where: { instanceId, state: 'open' }, data: { state: 'closed', closedAt: new Date() } });
    }
    return 0;
  }
}

/** True when the instance's workflow no longer runs (or never existed); false when that cannot be told. */
async function hasEnded(deps: DeliveryDeps, instanceId: string): Promise<boolean> {
  try {
    const description = await deps.temporal.workflow.getHandle(instanceId).describe();
    return description.status.name !== 'RUNNING';
  } catch (err) {
    return err instanceof WorkflowNotFoundError || (err as { code?: number }).code === 5;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

function apiDeps(deps: DeliveryDeps): ApiDeps {
  return {
    db: deps.db,
    temporal: deps.temporal,
    taskQueue: deps.taskQueue,
    timeouts: { ...DEFAULT_TIMEOUTS, ...deps.timeouts },
    log: deps.log ?? ((line: string) => console.error(line)),
  };
}
