/**
 * The database side of message and signal subscriptions: the rows the API looks up to
 * know whom a message or signal reaches, the hand-over of a buffered message to a
 * subscription opened after it was published, and publishing / broadcasting from a
 * process (send task, message or signal throw) through the same delivery code as the API.
 */
import { activityInfo } from '@temporalio/activity';
import { SYSTEM_ACTOR } from '../workflows/audit';
import { TASK_QUEUE } from '../workflows/contract';
import { broadcastSignal as broadcast, publishMessage as publish, startFromKeptMessages, timeToLiveMs } from '../engine/api/message.service';
import type { ActivityDependencies } from './dependencies';
import type {
  BroadcastSignalInput,
  BufferedMessage,
  CloseSubscriptionInput,
  DeliveryResult,
  OpenSubscriptionInput,
  PublishMessageInput,
} from './types';

const systemClock = () => new Date();

/**
 * Records the subscription (again: opening the same id twice writes one row, and reopens
 * a row closed before continue-as-new) and, for a message, takes the oldest buffered
 * message with that name and key that no instance of this process has taken yet. The
 * take is recorded in the same transaction, so two instances never take the same one.
 */
export async function openSubscription({ db, clock = systemClock }: ActivityDependencies, input: OpenSubscriptionInput): Promise<BufferedMessage | null> {
  const row = {
    kind: input.kind,
    name: input.name,
    correlationKey: input.correlationKey ?? null,
    instanceId: input.instanceId,
    processKey: input.processKey,
    elementId: input.elementId,
    elementInstanceId: input.elementInstanceId,
  };
  return db.$transaction(async (tx) => {
    await tx.subscription.upsert({
      where: { id: input.subscriptionId },
      create: { id: input.subscriptionId, ...row },
      update: { state: 'open', closedAt: null },
    });
    if (input.kind !== 'message') return null;
    const message = await tx.message.findFirst({
      where: {
        name: input.name,
        correlationKey: input.correlationKey ?? '',
        expiresAt: { gt: clock() },
        correlations: { none: { processKey: input.processKey } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    if (!message) return null;
    await tx.messageCorrelation.create({ data: { messageId: message.id, processKey: input.processKey, instanceId: input.instanceId } });
    return { eventId: message.id, variables: parseVariables(message.variables) };
  });
}

/**
 * Marks the subscription closed; closing twice (or a row never written) changes nothing.
 * Rows of the same wait re-subscribed before a continue-as-new (`<id>:2`, `<id>:3`; BPMN
 * ids have no colon) close with it.
 */
export async function closeSubscription({ db, clock = systemClock }: ActivityDependencies, input: CloseSubscriptionInput): Promise<void> {
  await db.subscription.updateMany({
    where: { state: 'open', OR: [{ id: input.subscriptionId }, { id: { startsWith: `${input.subscriptionId}:` } }] },
    data: { state: 'closed', closedAt: clock() },
  });
}

/**
 * Publishes a message from a process. Never waits for the calling instance's own update to
 * complete (it may be this very activity the instance's tokens are waiting for).
 *
 * @throws Error when the worker was created without a Temporal client.
 */
export async function publishMessage(dependencies: ActivityDependencies, input: PublishMessageInput): Promise<DeliveryResult> {
  const ttl = input.timeToLive ? timeToLiveMs(input.timeToLive) : 0;
  if (ttl === undefined) throw new Error(`The time to live "${input.timeToLive}" of the message "${input.name}" is not an ISO 8601 duration such as PT1H`);
  const { correlated, started } = await publish(deliveryDeps(dependencies), {
    name: input.name,
    correlationKey: input.correlationKey ?? '',
    variables: input.variables ?? {},
    timeToLiveMs: ttl,
    eventId: input.eventId,
    publishedBy: SYSTEM_ACTOR,
    fromInstanceId: callingInstance(),
  });
  return { correlated, started };
}

/** Broadcasts a signal from a process (signal throw or end event); never waits on the calling instance. */
export async function broadcastSignal(dependencies: ActivityDependencies, input: BroadcastSignalInput): Promise<DeliveryResult> {
  return broadcast(deliveryDeps(dependencies), {
    name: input.name,
    variables: input.variables ?? {},
    eventId: input.eventId,
    publishedBy: SYSTEM_ACTOR,
    fromInstanceId: callingInstance(),
  });
}

/**
 * To call once an instance has ended (its final state recorded): a message kept for its
 * process and business key (= message start correlation key) starts the next instance.
 * Does nothing without a Temporal client. Idempotent (a kept message starts one instance).
 */
export async function afterInstanceEnded(dependencies: ActivityDependencies, ended: { processKey: string; businessKey?: string | null }): Promise<void> {
  if (!dependencies.temporal || !ended.businessKey) return;
  await startFromKeptMessages(deliveryDeps(dependencies), { processKey: ended.processKey, businessKey: ended.businessKey });
}

/** The worker's dependencies by database client, for the `qualflow:publish-message` handler (which only gets the client). */
const workers = new WeakMap<object, ActivityDependencies>();

/** The `publishMessage` activity over `dependencies`; also lets the publish-message handler find them. */
export function publisher(dependencies: ActivityDependencies): (input: PublishMessageInput) => Promise<DeliveryResult> {
  workers.set(dependencies.db, dependencies);
  return (input) => publishMessage(dependencies, input);
}

/** The dependencies the worker created its activities with over `db`, if any. */
export function workerDependencies(db: object): ActivityDependencies | undefined {
  return workers.get(db);
}

function deliveryDeps(dependencies: ActivityDependencies) {
  const { db, temporal, taskQueue } = dependencies;
  if (!temporal) throw new Error('Publishing messages and signals needs a Temporal client in the activity dependencies');
  return { db, temporal, taskQueue: taskQueue ?? TASK_QUEUE, clock: dependencies.clock };
}

/** The workflow id of the instance running this activity (outside an activity: none). */
function callingInstance(): string | undefined {
  try {
    return activityInfo().workflowExecution?.workflowId;
  } catch {
    return undefined;
  }
}

function parseVariables(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
