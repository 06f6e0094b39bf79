/**
 * The live state of one process instance inside the workflow: variables, tokens, open
 * tasks and incidents, the path taken, and the bookkeeping that lets the instance know
 * when it is idle (no automatic step running, no short side effect in flight).
 */
import { CancellationScope, patched, workflowInfo } from '@temporalio/workflow';
import type { IncidentView, InstanceState, InstanceStatus, ProcessInput, ThrownEvent, Variables } from './contract';
import type { BusinessCalendar } from './business-days';
import type { FeelOptions } from './feel';
import type { FlowElement, ProcessModel } from './model';
import type { ActivityFrame } from './frames';
import { IncidentError } from './incident-error';
import { FlowScope } from './scopes';
import { handedOverTaskIds } from './resumed-tasks';
import type { ElementVisitInput } from '../activities/types';

/**
 * The patch that introduced scopes, generic boundary events, BPMN errors/escalations and
 * Zeebe variable propagation. Instances whose history predates it keep running on the
 * first interpreter's paths (user-task-only boundary timers, flat variables).
 */
export const SCOPES_PATCH = 'qualflow-scopes-v2';

/** A user task the instance has opened and not yet closed. */
export interface OpenTask {
  taskId: string;
  elementId: string;
  elementInstanceId: string;
  /** opening: openTask in flight; waiting: may be completed; completing/canceling: closeTask in flight. */
  state: 'opening' | 'waiting' | 'completing' | 'canceling' | 'closed';
  /** Set by the user-task behaviour once the task waits; called by the completeTask update. */
  complete?: (request: { variables: Variables; completedBy: string }) => Promise<void>;
  /** Set by workflows/deadlines.ts while the task has a due date: moves it and re-arms what has not fired. */
  reschedule?: (request: { dueAt: string; changedBy: string; reason: string }) => Promise<void>;
}

/** An incident the instance raised and that has not been resolved yet. */
export interface OpenIncident {
  view: IncidentView;
  /** True once a retry was requested; the token runs the element again once it is resolved. */
  retrying: boolean;
}

/** Why the instance stops before all tokens have finished. */
export type StopRequest =
  | { kind: 'terminate'; elementId: string }
  | { kind: 'cancel'; reason: string; canceledBy: string }
  /** A child instance ends with a BPMN error nothing in it caught; its call activity takes it over. */
  | { kind: 'thrown'; event: ThrownEvent; elementId: string };

export class InstanceRuntime {
  readonly instanceId: string;
  readonly model: ProcessModel;
  /** False for instances started before {@link SCOPES_PATCH}: they keep the first interpreter's behaviour. */
  readonly v2: boolean;
  /** The process instance's own flow scope: the process variables and the top-level tokens. */
  readonly root: FlowScope;
  /** Element instance id → the frame of every activity running now (boundary events, interruption). */
  readonly frames = new Map<string, ActivityFrame>();
  /** Element ids in the order they completed. */
  readonly path: string[] = [];
  /** Element instance id → workflow time (ms) its token entered the element, while it holds it (workflows/visits.ts). */
  readonly enteredAt = new Map<string, number>();
  /** Finished element visits no successful state write has carried yet. */
  readonly unwrittenVisits: ElementVisitInput[] = [];
  /** Element instance id → element id, for every element holding a token now. */
  readonly active = new Map<string, string>();
  readonly tasks = new Map<string, OpenTask>();
  /** Tasks handed over by the previous run and not waiting again yet (workflows/resumed-tasks.ts). */
  readonly restoringTasks: Set<string>;
  readonly incidents = new Map<string, OpenIncident>();
  /** Element instance id → what its waiting behaviour needs to pick the wait up after continue-as-new. */
  readonly waits = new Map<string, { elementId: string; data: Record<string, unknown>; scope: FlowScope }>();
  /** Set once the run wants to continue as new: tokens park before their next element (workflows/resume.ts). */
  parking = false;
  /** Tokens parked before entering an element, by a key of their own. */
  readonly parked = new Map<string, { elementId: string; viaFlow?: string }>();
  /** Parallel gateway id → incoming flow id → tokens waiting there. */
  readonly joins = new Map<string, Map<string, number>>();
  /** Every token runs in this scope, so cancel and terminate can stop them all at once. */
  readonly tokensScope = new CancellationScope();
  /** Tokens still running (each one a chain of elements). */
  liveTokens = 0;
  /** Short side effects (local activities) asked for and not finished yet. */
  pendingEffects = 0;
  /** The last queued side effect: the next one starts after it (see `effect`). */
  effectQueue: Promise<unknown> = Promise.resolve();
  /** Elements entered since the instance last waited for anything (see `noteWait`). */
  stepsWithoutWait = 0;
  /** Elements entered in this run (continue-as-new starts a new run after a few hundred). */
  stepsInRun = 0;
  /** Elements entered since the token chain last yielded the workflow activation (tokens.ts). */
  stepsSinceYield = 0;
  /** Something the database should know changed since the last recorded state. */
  dirty = false;
  stopRequest?: StopRequest;
  /** An engine bug escaped a token; the workflow task fails so it can be fixed and replayed. */
  fatalError?: unknown;
  /** Set once the final state was recorded. */
  endedWith?: InstanceStatus;
  /** The business calendar loaded when the run started (workflows/calendar/load.ts); absent: Monday to Friday. */
  calendar?: BusinessCalendar;

  constructor(readonly input: ProcessInput) {
    this.instanceId = input.instanceId || workflowInfo().workflowId;
    this.model = input.model;
    this.v2 = patched(SCOPES_PATCH);
    this.restoringTasks = handedOverTaskIds(input);
    this.root = new FlowScope({ id: this.instanceId, kind: 'process', variables: { ...(input.variables ?? {}) }, outer: this.tokensScope, joins: this.joins });
  }

  /** How this run evaluates FEEL and plans timers: business time counts on its calendar. */
  get feel(): FeelOptions {
    return { calendar: this.calendar };
  }

  /** The process variables (the root scope's). */
  get variables(): Variables {
    return this.root.variables;
  }

  set variables(variables: Variables) {
    this.root.variables = variables;
  }

  /**
   * The element with `id`.
   *
   * @throws IncidentError when the model has no such element (a compiler bug).
   */
  element(id: string): FlowElement {
    const element = this.model.elements[id];
    if (!element) throw new IncidentError(`The process model has no element "${id}"`);
    return element;
  }

  /** Called whenever something outside resumes the instance (a write, a handler, a timer, an update). */
  noteWait(): void {
    this.stepsWithoutWait = 0;
    this.stepsSinceYield = 0;
  }

  /** Merges variables into the process scope (top-level keys replace). */
  mergeVariables(variables: Variables | undefined): void {
    if (!variables || Object.keys(variables).length === 0) return;
    this.variables = { ...this.variables, ...variables };
    this.dirty = true;
  }

  status(): InstanceStatus {
    if (this.endedWith) return this.endedWith;
    return this.incidents.size > 0 ? 'incident' : 'active';
  }

  /** True when nothing automatic is running and the database has caught up. */
  isSettled(): boolean {
    return this.endedWith !== undefined || (this.pendingEffects === 0 && !this.dirty);
  }

  snapshot(): InstanceState {
    return {
      status: this.status(),
      variables: this.variables,
      activeElements: [...new Set(this.active.values())],
      path: [...this.path],
      incidents: [...this.incidents.values()].map((incident) => incident.view),
    };
  }
}
