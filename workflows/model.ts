/**
 * The process model: the serialisable intermediate representation that the compiler
 * produces from BPMN XML and the interpreter executes. Nothing here reads XML; every
 * field is plain JSON so a model can be passed as workflow input and pinned for the
 * life of an instance.
 *
 * Value conventions follow Zeebe: a string that starts with `=` is a FEEL expression
 * (`=amount > 100`), anything else is a literal.
 */

/** Every BPMN element kind the interpreter can execute. Adding one here without a behaviour is a type error. */
export type ElementKind =
  | 'startEvent'
  | 'endEvent'
  | 'userTask'
  | 'serviceTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'sendTask'
  | 'receiveTask'
  | 'manualTask'
  | 'task'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'subProcess'
  | 'eventSubProcess'
  | 'callActivity';

/** `=expr` (FEEL) or a literal string, exactly as written in the diagram. */
export type ValueOrExpression = string;

/** A `zeebe:input` / `zeebe:output` mapping: `source` is a FEEL expression or literal, `target` a variable name (dots allowed). */
export interface VariableMapping {
  source: ValueOrExpression;
  target: string;
}

interface ElementBase<K extends ElementKind> {
  kind: K;
  id: string;
  /** The name the process owner gave the element, falling back to its id. */
  name: string;
  /** Ids of incoming sequence flows. */
  incoming: string[];
  /** Ids of outgoing sequence flows. */
  outgoing: string[];
  /** `zeebe:ioMapping` input mappings, applied when the element is entered. */
  inputs: VariableMapping[];
  /** `zeebe:ioMapping` output mappings, applied when the element completes. */
  outputs: VariableMapping[];
  /** Ids of boundary events attached to this element. */
  boundaryEvents: string[];
  /**
   * Id of the sub-process or event sub-process this element sits in; absent at process
   * level. Every element of every nesting level is in `ProcessModel.elements` (BPMN ids
   * are unique per document).
   */
  parent?: string;
  /** `zeebe:taskHeaders` of the element (job-worker tasks, user tasks). */
  headers?: Record<string, string>;
  /** Multi-instance marker with `zeebe:loopCharacteristics`. */
  multiInstance?: MultiInstance;
  /** True for an activity that is only run as a compensation handler (`isForCompensation`). */
  forCompensation?: boolean;
  /** Id of the compensation handler activity associated with this activity's compensation boundary event. */
  compensationHandler?: string;
}

/** `bpmn:multiInstanceLoopCharacteristics` with `zeebe:loopCharacteristics`. */
export interface MultiInstance {
  sequential: boolean;
  /** `=expr` giving the list; one body instance per item. */
  inputCollection: ValueOrExpression;
  /** Local variable holding the item in each body instance. */
  inputElement?: string;
  /** Variable (set on the multi-instance element's scope, then output) collecting `outputElement` of each body, in input order. */
  outputCollection?: string;
  /** `=expr` evaluated in each body instance's scope when it completes. */
  outputElement?: ValueOrExpression;
  /** FEEL condition (no leading `=`) checked after each body completes; true cancels the rest. `numberOfInstances`, `numberOfCompletedInstances`, `numberOfActiveInstances`, `numberOfTerminatedInstances` and `loopCounter` are in scope. */
  completionCondition?: string;
}

/**
 * What an event reacts to (catch) or does (throw). `ValueOrExpression` values follow the
 * `=expr` convention. Catch events with no `code` catch every error / escalation.
 */
export type EventTrigger =
  | { type: 'none' }
  | { type: 'timer'; timer: TimerDefinition }
  | { type: 'message'; messageName: ValueOrExpression; correlationKey?: ValueOrExpression }
  | { type: 'signal'; signalName: ValueOrExpression }
  | { type: 'error'; errorCode?: ValueOrExpression; errorMessage?: ValueOrExpression }
  | { type: 'escalation'; escalationCode?: ValueOrExpression }
  | { type: 'terminate' }
  | { type: 'link'; linkName: string }
  /** Throw: compensate `activityRef` (or every completed activity of the scope when absent). */
  | { type: 'compensation'; activityRef?: string; waitForCompletion: boolean };

export type EventTriggerType = EventTrigger['type'];
export type TriggerOfType<T extends EventTriggerType> = Extract<EventTrigger, { type: T }>;

/** A job-worker binding (`zeebe:taskDefinition`): the handler runs as an activity. */
export interface JobDefinition {
  /** Handler name in the registry, e.g. `qualflow:notify`; may be `=expr`. */
  taskType: ValueOrExpression;
  /** Attempts in all, default 3. */
  retries: number;
}

/** How a called process or decision is chosen (`bindingType`). */
export type Binding =
  | { type: 'latest' }
  /** The version deployed together with (in the same deployment as) the calling definition. */
  | { type: 'deployment' }
  | { type: 'versionTag'; versionTag: string };

export interface StartEventElement extends ElementBase<'startEvent'> {
  /** none (absent), timer, message or signal at process level; also error, escalation, compensation in an event sub-process. */
  trigger?: EventTrigger;
  /** Event sub-process start events: false for non-interrupting (`isInterrupting="false"`). Default true. */
  interrupting?: boolean;
}

export interface EndEventElement extends ElementBase<'endEvent'> {
  /** A terminate end event ends every token of the instance (or of its sub-process). */
  terminate: boolean;
  /** none (absent), terminate, error, escalation, message (a job), signal, compensation. */
  trigger?: EventTrigger;
  /** Message end events run as a job, like a send task. */
  job?: JobDefinition;
}

export interface FormLink {
  /** `zeebe:formDefinition formId="..."`: a form deployed separately, resolved when the task is shown. */
  formId?: string;
  /** `zeebe:formDefinition formKey="..."` pointing at an embedded `zeebe:userTaskForm`: the form-js schema itself. */
  schema?: Record<string, unknown>;
  /** `externalReference` forms: an opaque key the tasklist hands to a custom app. */
  externalReference?: string;
}

export interface UserTaskElement extends ElementBase<'userTask'> {
  assignee?: ValueOrExpression;
  /** Literal comma-separated list or a FEEL expression yielding a list or comma-separated string. */
  candidateGroups?: ValueOrExpression;
  candidateUsers?: ValueOrExpression;
  /** FEEL date-time or ISO 8601 date-time / duration (a duration is counted from task creation). */
  dueDate?: ValueOrExpression;
  followUpDate?: ValueOrExpression;
  /** `zeebe:priorityDefinition`, 0–100, default 50. */
  priority?: ValueOrExpression;
  form?: FormLink;
  /** `qualflow:deadline`: due and follow-up used when `zeebe:taskSchedule` does not set them. */
  deadline?: TaskDeadline;
  /** `qualflow:escalationPolicy`: reminders before the due date and escalation levels after it. */
  escalation?: EscalationPolicy;
  /** `qualflow:signatureRequired`: completing asks for an electronic signature (issue 6). */
  signature?: { meaning?: string };
}

/**
 * How a duration is counted: `working` counts only the working hours of the process's
 * business calendar (the default for Qualflow's own settings), `elapsed` counts wall time.
 */
export type TimeBasis = 'working' | 'elapsed';

/** A task-level default schedule: durations from the moment the task opens. */
export interface TaskDeadline {
  /** ISO 8601 duration, e.g. P5D (5 working days with basis `working`). */
  dueIn?: string;
  followUpIn?: string;
  basis: TimeBasis;
}

/**
 * Who a reminder or escalation tells: the task's `assignee` (after reassignment, the new
 * one), its `candidates` (users and members of its groups), the assignee's `manager`, the
 * process `owner`, or named `user:<username>` / `group:<name>`.
 */
export type Recipient = 'assignee' | 'candidates' | 'manager' | 'owner' | `user:${string}` | `group:${string}`;

export interface ReminderLevel {
  /** ISO 8601 duration before the due date. */
  before: string;
  basis: TimeBasis;
  notify: Recipient[];
}

export interface EscalationLevel {
  /** ISO 8601 duration after the due date (PT0S: at the due date). */
  after: string;
  basis: TimeBasis;
  notify: Recipient[];
  /** Hand the task to this user or group (`user:<name>` / `group:<name>`). */
  reassignTo?: `user:${string}` | `group:${string}`;
  /** Raise the task's priority to this value (0–100). */
  priority?: number;
}

/** Fires only while the task is open and has a due date; completion or cancellation stops the rest. */
export interface EscalationPolicy {
  reminders: ReminderLevel[];
  /** In the order they fire (the compiler sorts them by `after`). */
  levels: EscalationLevel[];
}

export interface ServiceTaskElement extends ElementBase<'serviceTask'> {
  /** `zeebe:taskDefinition type`: the handler name in the registry, e.g. `qualflow:notify`. */
  taskType: ValueOrExpression;
  /** `zeebe:taskDefinition retries`, default 3. */
  retries: number;
  /** `zeebe:taskHeaders`: static configuration handed to the handler. */
  headers: Record<string, string>;
}

export interface ScriptTaskElement extends ElementBase<'scriptTask'> {
  /** The FEEL expression (without the leading `=`); empty when the script runs as a job. */
  expression: string;
  resultVariable: string;
  /** A script task with `zeebe:taskDefinition` instead of `zeebe:script` runs as a job. */
  job?: JobDefinition;
}

export interface BusinessRuleTaskElement extends ElementBase<'businessRuleTask'> {
  /** `zeebe:calledDecision`: evaluate a deployed DMN decision. */
  decision?: { decisionId: ValueOrExpression; resultVariable: string; binding: Binding };
  /** Or `zeebe:taskDefinition`: a job. */
  job?: JobDefinition;
}

/** Send task: a job (`zeebe:taskDefinition`), as in Camunda 8; `qualflow:publish-message` publishes a message. */
export interface SendTaskElement extends ElementBase<'sendTask'> {
  job: JobDefinition;
}

export interface ReceiveTaskElement extends ElementBase<'receiveTask'> {
  message: TriggerOfType<'message'>;
}

/** Manual task: passes through (someone did it outside the system). */
export interface ManualTaskElement extends ElementBase<'manualTask'> {}

/** Undefined task (`bpmn:task`): passes through. */
export interface TaskElement extends ElementBase<'task'> {}

export interface ExclusiveGatewayElement extends ElementBase<'exclusiveGateway'> {
  /** Id of the default flow, taken when no condition is true. */
  defaultFlow?: string;
}

export interface ParallelGatewayElement extends ElementBase<'parallelGateway'> {}

/** Fork: every flow whose condition holds (default flow when none). Join: waits only for the branches that can still arrive. */
export interface InclusiveGatewayElement extends ElementBase<'inclusiveGateway'> {
  defaultFlow?: string;
}

/** The first of the events after it (intermediate catch events or receive tasks) to happen wins. */
export interface EventBasedGatewayElement extends ElementBase<'eventBasedGateway'> {}

export interface TimerDefinition {
  /** ISO 8601 duration (`PT2S`, `P3D`), or `=expr` giving one. */
  duration?: ValueOrExpression;
  /** ISO 8601 date-time (`2026-12-01T09:00:00Z`), or `=expr` giving one. */
  date?: ValueOrExpression;
  /** ISO 8601 repeating interval (`R3/PT1H`, `R/P1D`, `R/2026-12-01T09:00:00Z/P1D`) or a cron expression, or `=expr`. */
  cycle?: ValueOrExpression;
  /** `qualflow:time="working"` on the timer: durations count working time of the process's calendar. */
  basis?: TimeBasis;
}

export interface IntermediateCatchEventElement extends ElementBase<'intermediateCatchEvent'> {
  /** timer, message, signal or link. */
  trigger: EventTrigger;
}

export interface IntermediateThrowEventElement extends ElementBase<'intermediateThrowEvent'> {
  /** none, signal, escalation, link, compensation, or message (a job). */
  trigger: EventTrigger;
  job?: JobDefinition;
}

export interface BoundaryEventElement extends ElementBase<'boundaryEvent'> {
  attachedTo: string;
  /** true: interrupting (the task is cancelled); false: non-interrupting (a new token is spawned). */
  cancelActivity: boolean;
  /** Kept for models compiled before `trigger` existed: a duration timer. */
  timer?: TimerDefinition;
  /** timer, message, signal, error, escalation or compensation. */
  trigger?: EventTrigger;
}

/** Embedded sub-process: its own variable scope; completes when its last token ends. */
export interface SubProcessElement extends ElementBase<'subProcess'> {
  /** The none start event inside. */
  startEventId: string;
  /** Event sub-processes directly inside (armed while the sub-process runs). */
  eventSubProcesses: string[];
}

/** Event sub-process (`triggeredByEvent`): started by its start event while its parent scope runs. */
export interface EventSubProcessElement extends ElementBase<'eventSubProcess'> {
  /** Its one start event (timer, message, signal, error, escalation or compensation). */
  startEventId: string;
  eventSubProcesses: string[];
}

/** Call activity (`zeebe:calledElement`): runs another process as a child workflow. */
export interface CallActivityElement extends ElementBase<'callActivity'> {
  /** The called BPMN process id, or `=expr`. */
  processId: ValueOrExpression;
  binding: Binding;
  /** Default true: the child sees every variable of the caller (else only the input mappings). */
  propagateAllParentVariables: boolean;
  /** Default true: every variable of the child comes back (else only the output mappings). */
  propagateAllChildVariables: boolean;
}

export type FlowElement =
  | StartEventElement
  | EndEventElement
  | UserTaskElement
  | ServiceTaskElement
  | ScriptTaskElement
  | BusinessRuleTaskElement
  | SendTaskElement
  | ReceiveTaskElement
  | ManualTaskElement
  | TaskElement
  | ExclusiveGatewayElement
  | ParallelGatewayElement
  | InclusiveGatewayElement
  | EventBasedGatewayElement
  | IntermediateCatchEventElement
  | IntermediateThrowEventElement
  | BoundaryEventElement
  | SubProcessElement
  | EventSubProcessElement
  | CallActivityElement;

export type ElementOfKind<K extends ElementKind> = Extract<FlowElement, { kind: K }>;

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceRef: string;
  targetRef: string;
  /** FEEL condition without the leading `=`; absent means unconditional. */
  condition?: string;
}

export interface ProcessModel {
  /** The BPMN process id: the definition key processes are started by. */
  id: string;
  name: string;
  /**
   * The none start event the instance starts at when started through the API; empty
   * when the process only has timer, message or signal start events.
   */
  startEventId: string;
  /** Event sub-processes at process level (armed while the instance runs). */
  eventSubProcesses?: string[];
  /** `zeebe:versionTag` of the process, for call activities and decisions bound by version tag. */
  versionTag?: string;
  /**
   * Set when the process counts in business time (a `working` duration, a business-day
   * FEEL function): the workflow loads this calendar (`name` absent: the default one) when
   * a run starts. Absent in models compiled before calendars, which therefore load nothing.
   */
  calendar?: { name?: string };
  /** `qualflow:owner` of the process: the username escalations address as `owner` (else the deployer). */
  owner?: string;
  elements: Record<string, FlowElement>;
  flows: Record<string, SequenceFlow>;
}
