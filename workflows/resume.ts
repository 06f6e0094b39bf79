/**
 * Continue-as-new, so loops and long runs stay within Temporal's history limits. When
 * the history grows long (or a loop of automatic steps runs long), the instance parks:
 * every token stops at the next element it would enter, and tokens already waiting stay
 * where they are. Once every live token is parked or in a wait that can be picked up
 * again (it said so with `context.waiting`), nothing is in flight and no update is being
 * handled, the run continues as new with the variables, the path and the tokens; the new
 * run spawns each token again where it was (`token.resume` for the waiting ones).
 *
 * A sequential multi-instance body at process level hands over between two items
 * (workflows/multi-instance.ts). A token in a wait that cannot be picked up (a running
 * job, an open incident, an activity with boundary events, a parallel multi-instance
 * body) simply postpones it.
 */
import { allHandlersFinished, condition, continueAsNew, workflowInfo } from '@temporalio/workflow';
import type { ElementVisitInput } from '../activities/types';
import type { ProcessInput, ResumeState, Variables } from './contract';
import type { InstanceRuntime } from './runtime';
import type { FlowScope } from './scopes';
import { deliveredEventIds, restoreDeliveredEventIds } from './subscriptions';
import { spawnToken } from './tokens';

/** Steps of automatic elements after which a run hands over to a new one (keeps each activation short, see tokens.ts). */
export const STEPS_PER_RUN = 2000;
/** History length after which a run hands over to a new one (Temporal warns at 10,240 events). */
export const EVENTS_PER_RUN = 4000;
const FORMAT = 1;

/** A token to start again in the next run. */
export interface ResumedToken {
  elementId: string;
  viaFlow?: string;
  /** Absent for a token parked before entering its element. */
  elementInstanceId?: string;
  resume?: unknown;
}

interface SavedState extends ResumeState {
  format: typeof FORMAT;
  variables: Variables;
  path: string[];
  joins: [string, [string, number][]][];
  tokens: ResumedToken[];
  stepsWithoutWait: number;
  /** Message and signal event ids already received. */
  delivered?: string[];
  /** Element visits not written yet, and when the handed-over waiting tokens entered their element (workflows/visits.ts). */
  visits?: ElementVisitInput[];
  enteredAt?: [string, number][];
}

/** True when this run should hand over to a new one as soon as every token can be parked. */
export function wantsContinueAsNew(runtime: InstanceRuntime): boolean {
  if (!runtime.v2 || runtime.stopRequest) return false;
  if (runtime.parking) return true;
  const info = workflowInfo();
  return runtime.stepsInRun >= (runtime.input.stepsPerRun ?? STEPS_PER_RUN) || info.historyLength >= EVENTS_PER_RUN || info.continueAsNewSuggested;
}

/** True when every live token is parked or in a wait that can be picked up, and nothing is in flight. */
export function readyToContinue(runtime: InstanceRuntime): boolean {
  if (!runtime.parking || runtime.pendingEffects > 0 || runtime.incidents.size > 0) return false;
  return runtime.liveTokens > 0 && runtime.liveTokens === runtime.parked.size + resumableWaits(runtime).length;
}

/**
 * A root-scope token may park only when every other live token is parked or in a wait
 * that can be picked up, so a parked token never waits behind a long, unresumable wait.
 */
export function mayPark(runtime: InstanceRuntime, scope: FlowScope): boolean {
  if (scope !== runtime.root || (runtime.model.eventSubProcesses ?? []).length > 0) return false;
  if (!wantsContinueAsNew(runtime)) return false;
  return runtime.liveTokens - 1 === runtime.parked.size + resumableWaits(runtime).length;
}

function resumableWaits(runtime: InstanceRuntime) {
  return [...runtime.waits.entries()].filter(([, wait]) => wait.scope === runtime.root);
}

/** Hands over to a new run carrying the instance's state. Never returns. */
export async function handOver(runtime: InstanceRuntime): Promise<never> {
  // Updates wait for the instance to settle; the next run records the state, so this one is settled.
  runtime.dirty = false;
  await condition(allHandlersFinished);
  const tokens: ResumedToken[] = [
    ...[...runtime.parked.values()].map(({ elementId, viaFlow }) => ({ elementId, viaFlow })),
    ...resumableWaits(runtime).map(([elementInstanceId, wait]) => ({ elementId: wait.elementId, elementInstanceId, resume: wait.data })),
  ];
  const state: SavedState = {
    format: FORMAT,
    variables: runtime.variables,
    path: runtime.path,
    joins: [...runtime.joins.entries()].map(([gateway, flows]) => [gateway, [...flows.entries()]]),
    tokens,
    stepsWithoutWait: runtime.stepsWithoutWait,
    delivered: deliveredEventIds(runtime),
    visits: runtime.unwrittenVisits,
    enteredAt: [...runtime.enteredAt].filter(([elementInstanceId]) => tokens.some((token) => token.elementInstanceId === elementInstanceId)),
  };
  const input: ProcessInput = { ...runtime.input, variables: runtime.variables, resume: state };
  return continueAsNew<(input: ProcessInput) => Promise<unknown>>(input);
}

/** Restores what the previous run handed over and starts its tokens again; false on a fresh start. */
export function resumeRun(runtime: InstanceRuntime): boolean {
  const state = runtime.input.resume as SavedState | undefined;
  if (!state || state.format !== FORMAT) return false;
  runtime.path.push(...state.path);
  runtime.stepsWithoutWait = state.stepsWithoutWait;
  restoreDeliveredEventIds(runtime, state.delivered);
  runtime.unwrittenVisits.push(...(state.visits ?? []));
  for (const [elementInstanceId, enteredAt] of state.enteredAt ?? []) runtime.enteredAt.set(elementInstanceId, enteredAt);
  for (const [gateway, flows] of state.joins) runtime.joins.set(gateway, new Map(flows));
  for (const token of state.tokens) {
    void spawnToken(runtime, token.elementId, token.viaFlow, { resume: token.resume, elementInstanceId: token.elementInstanceId });
  }
  return true;
}

/** Registers a token that stops before entering its element, until the run hands over. */
export function park(runtime: InstanceRuntime, elementId: string, viaFlow: string | undefined, key: string): Promise<void> {
  runtime.parking = true;
  runtime.parked.set(key, { elementId, viaFlow });
  return condition(() => false);
}
