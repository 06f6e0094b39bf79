/**
 * Waiting for messages and signals. An element that waits (a receive task, a message or
 * signal catch event, a boundary event, an event sub-process start, an event-based
 * gateway's event) subscribes: the name and correlation key are evaluated, the
 * subscription is recorded in the database (so the API knows whom a message reaches, and
 * a buffered message can be handed over at once), and the `correlate` update delivers to
 * it. A message reaches at most one subscription of an instance (the oldest); a signal
 * every one; the same event id is never delivered twice.
 */
import { CancellationScope, condition, setHandler } from '@temporalio/workflow';
import type { ElementContext } from './behaviours/types';
import { correlateUpdate, type CorrelationRequest } from './contract';
import { effect, effectWithResult } from './effects';
import { evaluateValue, isPlainObject } from './feel';
import { IncidentError } from './incident-error';
import type { TriggerOfType } from './model';
import type { InstanceRuntime } from './runtime';

export interface EventWait {
  /** Resolves with the message or signal once it arrives. */
  received: Promise<CorrelationRequest>;
  /** Closes the subscription (idempotent). */
  close(): Promise<void>;
}

interface Subscription {
  id: string;
  kind: 'message' | 'signal';
  name: string;
  correlationKey?: string;
  deliver(request: CorrelationRequest): void;
  /** Still waiting for its message or signal. */
  open: boolean;
  /** The database row is closed (or its close is under way). */
  recordedClosed: boolean;
  /** Closes the database row once. */
  closeRow(): Promise<void>;
}

interface Registry {
  /** Open subscriptions, oldest first. */
  subscriptions: Subscription[];
  /** Event ids already delivered to this run. */
  delivered: Set<string>;
  /** `${elementInstanceId}:${elementId}` → how often it subscribed in this run (re-subscriptions get a suffix). */
  opened: Map<string, number>;
}

const registries = new WeakMap<InstanceRuntime, Registry>();

function registryOf(runtime: InstanceRuntime): Registry {
  let registry = registries.get(runtime);
  if (!registry) {
    registry = { subscriptions: [], delivered: new Set(), opened: new Map() };
    registries.set(runtime, registry);
  }
  return registry;
}

/**
 * Subscribes the context's element (or `options.elementId`, for a boundary event or an
 * event-based gateway's event) to a message or signal.
 *
 * @throws IncidentError when the name or the correlation key evaluates to nothing.
 */
export async function subscribe(
  context: ElementContext,
  trigger: TriggerOfType<'message'> | TriggerOfType<'signal'>,
  options: { elementId?: string } = {},
): Promise<EventWait> {
  const { runtime, token } = context;
  const scope = context.scope();
  const elementId = options.elementId ?? context.element.id;
  const kind = trigger.type;
  const name = text(evaluateValue(trigger.type === 'message' ? trigger.messageName : trigger.signalName, scope, runtime.feel));
  if (name === '') throw new IncidentError(`The ${kind} "${elementId}" waits for has no name`);
  let correlationKey: string | undefined;
  if (trigger.type === 'message' && trigger.correlationKey !== undefined) {
    correlationKey = text(evaluateValue(trigger.correlationKey, scope, runtime.feel));
    if (correlationKey === '') throw new IncidentError(`The correlation key of the message "${name}" evaluated to nothing (${trigger.correlationKey})`);
  }
  const registry = registryOf(runtime);
  const id = subscriptionId(registry, `${token.elementInstanceId}:${elementId}`);
  let deliver: (request: CorrelationRequest) => void = () => undefined;
  const received = new Promise<CorrelationRequest>((resolve) => (deliver = resolve));
  const subscription: Subscription = {
    id,
    kind,
    name,
    correlationKey,
    deliver,
    open: true,
    recordedClosed: false,
    closeRow: () => {
      if (subscription.recordedClosed) return Promise.resolve();
      subscription.recordedClosed = true;
      return CancellationScope.nonCancellable(() => effect(runtime, 'closeSubscription', { subscriptionId: id }));
    },
  };
  registry.subscriptions.push(subscription);
  const buffered = await effectWithResult(runtime, 'openSubscription', {
    subscriptionId: id,
    kind,
    name,
    correlationKey,
    instanceId: runtime.instanceId,
    processKey: runtime.input.processKey,
    elementId,
    elementInstanceId: token.elementInstanceId,
  });
  if (buffered && !registry.delivered.has(buffered.eventId)) {
    // The message is already marked as taken by this process: if an update reached this
    // subscription meanwhile, the next matching one of the instance gets it instead.
    registry.delivered.add(buffered.eventId);
    const request: CorrelationRequest = { kind, name, correlationKey, variables: buffered.variables ?? {}, eventId: buffered.eventId };
    const target = subscription.open ? subscription : registry.subscriptions.find((entry) => matches(entry, request));
    if (target) take(registry, target, request);
  }
  return {
    received,
    close: async () => {
      subscription.open = false;
      registry.subscriptions = registry.subscriptions.filter((entry) => entry !== subscription);
      await subscription.closeRow();
    },
  };
}

/**
 * The database id of a subscription: `${elementInstanceId}:${elementId}`, the same after
 * continue-as-new (the resumed wait reopens the same row); a non-interrupting event that
 * subscribes again in the same run gets `:2`, `:3`...
 */
function subscriptionId(registry: Registry, base: string): string {
  const count = (registry.opened.get(base) ?? 0) + 1;
  registry.opened.set(base, count);
  return count === 1 ? base : `${base}:${count}`;
}

function matches(entry: Subscription, request: CorrelationRequest): boolean {
  if (!entry.open || entry.kind !== request.kind || entry.name !== request.name) return false;
  return request.kind === 'signal' || (entry.correlationKey ?? '') === (request.correlationKey ?? '');
}

function take(registry: Registry, subscription: Subscription, request: CorrelationRequest): void {
  subscription.open = false;
  registry.subscriptions = registry.subscriptions.filter((entry) => entry !== subscription);
  // The row closes now, so the API stops counting it even if the element never calls close().
  void subscription.closeRow();
  subscription.deliver(request);
}

/** Registers the `correlate` update: delivers to the waiting subscriptions and answers how many it reached. */
export function registerCorrelation(runtime: InstanceRuntime): void {
  setHandler(
    correlateUpdate,
    async (request) => {
      runtime.noteWait();
      const registry = registryOf(runtime);
      if (registry.delivered.has(request.eventId)) return { correlated: 0 };
      const matching = registry.subscriptions.filter((entry) => matches(entry, request));
      const reached = request.kind === 'message' ? matching.slice(0, 1) : matching;
      if (reached.length > 0) registry.delivered.add(request.eventId);
      for (const subscription of reached) take(registry, subscription, request);
      await CancellationScope.nonCancellable(() => condition(() => runtime.isSettled()));
      return { correlated: reached.length };
    },
    {
      validator: (request) => {
        if (!request || (request.kind !== 'message' && request.kind !== 'signal') || typeof request.name !== 'string' || typeof request.eventId !== 'string') {
          throw new Error('A correlation needs kind (message or signal), name and eventId');
        }
        if (request.variables !== undefined && !isPlainObject(request.variables)) throw new Error('The variables of a correlation must be an object');
      },
    },
  );
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** The event ids this instance already received (the latest 1,000), for the next run after continue-as-new. */
export function deliveredEventIds(runtime: InstanceRuntime): string[] {
  return [...registryOf(runtime).delivered].slice(-1000);
}

/** Restores what the previous run received, so a redelivered event still reaches the instance once. */
export function restoreDeliveredEventIds(runtime: InstanceRuntime, ids: string[] | undefined): void {
  const registry = registryOf(runtime);
  for (const id of ids ?? []) registry.delivered.add(id);
}
