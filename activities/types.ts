/**
 * The side effects the interpreter may ask for. Every one is idempotent: Temporal may
 * run an activity more than once, so each write is keyed by ids the workflow chose.
 */
import type { CorrelationRequest, InstanceStatus, Variables } from '../workflows/contract';
import type { DecisionModel } from '../workflows/dmn/model';
import type { Binding, FormLink, ProcessModel } from '../workflows/model';

export interface OpenTaskInput {
  taskId: string;
  instanceId: string;
  processKey: string;
  definitionId: string;
  elementId: string;
  elementInstanceId: string;
  name: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  /** ISO date-time. */
  dueAt?: string;
  followUpAt?: string;
  priority: number;
  form?: FormLink;
  /** The variables the task may show (after input mappings). */
  variables: Variables;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

export interface CloseTaskInput {
  taskId: string;
  state: 'completed' | 'canceled';
  /** Username; absent when the process closed it (boundary timer, cancel, terminate). */
  closedBy?: string;
  reason?: string;
  variables?: Variables;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

export interface InstanceStateInput {
  instanceId: string;
  status: InstanceStatus;
  variables: Variables;
  path: string[];
  /** Element visits finished since the last successful write; upserted by element instance id. */
  visits?: ElementVisitInput[];
  /** Set when the instance reached an end state. */
  ended?: boolean;
  /** The instance's identity, so the row can be created when the API crashed before writing it. */
  definitionId?: string;
  processKey?: string;
  version?: number;
  businessKey?: string;
  startedBy?: string;
  /** The calling instance, when a call activity started this one (stored when the row is created). */
  parentInstanceId?: string;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

/** A token's stay in an element, in workflow time (ms since the epoch). */
export interface ElementVisitInput {
  elementId: string;
  elementInstanceId: string;
  enteredAt: number;
  leftAt: number;
}

export interface RaiseIncidentInput {
  incidentId: string;
  instanceId: string;
  elementId: string;
  elementInstanceId: string;
  message: string;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

export interface ResolveIncidentInput {
  incidentId: string;
  resolvedBy?: string;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

export interface RunServiceTaskInput {
  instanceId: string;
  processKey: string;
  elementId: string;
  /** Deterministic id of this element run, for handler idempotency. */
  elementInstanceId: string;
  taskType: string;
  headers: Record<string, string>;
  variables: Variables;
  /** Variables stored once for a large multi-instance body, added to `variables` before the handler runs (activities/shared-variables.ts). */
  sharedVariables?: SharedVariablesRef[];
}

/** A stored row of shared variables and the names of it a job sees (those it does not already carry). */
export interface SharedVariablesRef {
  id: string;
  names: string[];
}

/** Variables a multi-instance body shares with its jobs; written once, idempotent by `id`. */
export interface StoreSharedVariablesInput {
  id: string;
  instanceId: string;
  /** Element instance id of the multi-instance activity. */
  bodyId: string;
  variables: Variables;
}

export interface RunServiceTaskResult {
  /** Variables the handler returns, merged into the instance (before output mappings). */
  variables: Variables;
  /** The handler threw a BPMN error (`throw new BpmnError(code, message)`): caught by an error boundary / event sub-process, else an incident. */
  bpmnError?: { code: string; message?: string; variables?: Variables };
}

/** A message or signal subscription the instance opens while an element waits for it. */
export interface OpenSubscriptionInput {
  /** Chosen by the workflow; closing twice is harmless. */
  subscriptionId: string;
  kind: 'message' | 'signal';
  name: string;
  /** Messages: the evaluated correlation key. */
  correlationKey?: string;
  instanceId: string;
  processKey: string;
  elementId: string;
  elementInstanceId: string;
}

/** A buffered message (published earlier with a time to live) handed to a new subscription. */
export interface BufferedMessage {
  eventId: string;
  variables: Variables;
}

export interface CloseSubscriptionInput {
  subscriptionId: string;
}

export interface FindDecisionInput {
  /** The DMN decision id. */
  decisionId: string;
  binding: Binding;
  /** The calling definition, for `deployment` binding. */
  definitionId: string;
}

/** A deployed decision with the decisions it requires (its DRG), ready to evaluate in the workflow. */
export interface FoundDecision {
  /** Database id of the deployed decision version. */
  id: string;
  decisionId: string;
  version: number;
  decision: DecisionModel;
}

export interface ResolveProcessInput {
  processId: string;
  binding: Binding;
  /** The calling definition, for `deployment` binding. */
  definitionId: string;
}

export interface ResolvedProcess {
  definitionId: string;
  processKey: string;
  version: number;
  model: ProcessModel;
  /** Set when the binding could not be honoured as asked and another version was chosen (said in the worker log). */
  note?: string;
}

export interface PublishMessageInput {
  name: string;
  correlationKey: string;
  variables: Variables;
  /** ISO 8601 duration; the message is buffered this long when no subscription waits. */
  timeToLive?: string;
  /** Idempotency key (the same message published twice reaches each instance once). */
  eventId: string;
}

export interface BroadcastSignalInput {
  name: string;
  variables: Variables;
  eventId: string;
}

/** How many subscriptions and start events a message or signal reached. */
export interface DeliveryResult {
  correlated: number;
  /** Instances started by message / signal start events. */
  started: number;
}

export type { CorrelationRequest };

export interface AuditInput {
  /** Idempotency key chosen by the workflow, e.g. `${instanceId}:${elementInstanceId}:completed`. */
  id: string;
  instanceId?: string;
  taskId?: string;
  actor: string;
  action: string;
  details?: Record<string, unknown>;
}

/** A business calendar as the workflow uses it (see workflows/calendar). */
export type { BusinessCalendar } from '../workflows/business-days';

export interface LoadCalendarInput {
  /** The calendar's name; absent: the default calendar (built-in Monday–Friday 09:00–17:00 UTC when none is stored). */
  name?: string;
}

/** What a reminder or escalation level does when its timer fires. */
export interface EscalateTaskInput {
  /** `${taskId}:reminder:${level}` or `${taskId}:escalation:${level}`: one TaskEscalation row, one notification per recipient. */
  eventId: string;
  taskId: string;
  instanceId: string;
  processKey: string;
  kind: 'reminder' | 'escalation';
  /** 1-based. */
  level: number;
  notify: import('../workflows/model').Recipient[];
  reassignTo?: `user:${string}` | `group:${string}`;
  priority?: number;
  /** The process owner (model.owner), for the `owner` recipient; else the deployer of the definition. */
  owner?: string;
  /** When the level fired (workflow time, ISO 8601); recorded as TaskEscalation.at. Absent: when the activity ran. */
  firedAt?: string;
}

export interface EscalateTaskResult {
  /** False when the task was no longer open (nothing done). */
  applied: boolean;
}

/** A due date a manager or process owner changed, written to the task with its reason. */
export interface ChangeTaskDueInput {
  taskId: string;
  dueAt: string;
  changedBy: string;
  reason: string;
  /** Idempotency key of the audit entry. */
  eventId: string;
}

/** The activity surface, implemented by `createActivities` in activities/index.ts. */
export interface QualflowActivities {
  openTask(input: OpenTaskInput): Promise<void>;
  closeTask(input: CloseTaskInput): Promise<void>;
  recordInstanceState(input: InstanceStateInput): Promise<void>;
  raiseIncident(input: RaiseIncidentInput): Promise<void>;
  resolveIncident(input: ResolveIncidentInput): Promise<void>;
  runServiceTask(input: RunServiceTaskInput): Promise<RunServiceTaskResult>;
  storeSharedVariables(input: StoreSharedVariablesInput): Promise<void>;
  /** Deletes every row a multi-instance body stored (it ended). */
  releaseSharedVariables(input: { bodyId: string }): Promise<void>;
  audit(input: AuditInput): Promise<void>;
  /** Records the subscription; returns a buffered message that matches it, already marked as taken by this instance. */
  openSubscription(input: OpenSubscriptionInput): Promise<BufferedMessage | null>;
  closeSubscription(input: CloseSubscriptionInput): Promise<void>;
  /** The decision to evaluate, or null when none is deployed under that id/binding. */
  findDecision(input: FindDecisionInput): Promise<FoundDecision | null>;
  /** The process a call activity starts, or null when none is deployed under that id/binding. */
  resolveProcess(input: ResolveProcessInput): Promise<ResolvedProcess | null>;
  /** Publishes a message (send task / message throw with `qualflow:publish-message`). */
  publishMessage(input: PublishMessageInput): Promise<DeliveryResult>;
  /** Broadcasts a signal (signal throw / end event). */
  broadcastSignal(input: BroadcastSignalInput): Promise<DeliveryResult>;
  /** The business calendar a process counts working time in. */
  loadCalendar(input: LoadCalendarInput): Promise<import('../workflows/business-days').BusinessCalendar>;
  /** Records a reminder/escalation level on the task and instance, reassigns/raises priority, notifies. Idempotent by eventId. */
  escalateTask(input: EscalateTaskInput): Promise<EscalateTaskResult>;
  /** Writes a rescheduled due date (and its audit entry) to the task row. */
  changeTaskDue(input: ChangeTaskDueInput): Promise<void>;
}
