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
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'boundaryEvent';

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
}

export interface StartEventElement extends ElementBase<'startEvent'> {}

export interface EndEventElement extends ElementBase<'endEvent'> {
  /** A terminate end event ends every token of the instance. */
  terminate: boolean;
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
  /** The FEEL expression (without the leading `=`). */
  expression: string;
  resultVariable: string;
}

export interface ExclusiveGatewayElement extends ElementBase<'exclusiveGateway'> {
  /** Id of the default flow, taken when no condition is true. */
  defaultFlow?: string;
}

export interface ParallelGatewayElement extends ElementBase<'parallelGateway'> {}

export interface TimerDefinition {
  /** ISO 8601 duration (`PT2S`, `P3D`), or `=expr` giving one. */
  duration?: ValueOrExpression;
}

export interface BoundaryEventElement extends ElementBase<'boundaryEvent'> {
  attachedTo: string;
  /** true: interrupting (the task is cancelled); false: non-interrupting (a new token is spawned). */
  cancelActivity: boolean;
  timer: TimerDefinition;
}

export type FlowElement =
  | StartEventElement
  | EndEventElement
  | UserTaskElement
  | ServiceTaskElement
  | ScriptTaskElement
  | ExclusiveGatewayElement
  | ParallelGatewayElement
  | BoundaryEventElement;

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
  /** The none start event the instance starts at. */
  startEventId: string;
  elements: Record<string, FlowElement>;
  flows: Record<string, SequenceFlow>;
}
