/**
 * Reads a BPMN event definition (timer, message, signal, error, escalation, terminate,
 * link, compensation) into the model's `EventTrigger`, checking it the way Camunda 8
 * does for where the event sits. Every event transformer reads its trigger here.
 */
import type { EventTrigger, EventTriggerType, TimerDefinition } from '../../workflows/model';
import type { Diagnostics } from './diagnostics';
import { findExtension } from './extensions';
import { isExpression } from './feel';
import { describe, displayName, mention } from './labels';
import { isIsoDateTime, isIsoDuration, isTimeCycle } from './literals';
import { body, child, children, flag, text } from './moddle-access';
import type { BpmnElement } from './types';
import { checkValue, type LiteralRule } from './value-checks';
import { readTimerBasis } from './process-calendar';

/** Where an event sits; decides which triggers and which timer values it may have. */
export type EventUse =
  | 'start'
  | 'subProcessStart'
  | 'eventSubProcessStart'
  | 'intermediateCatch'
  | 'boundary'
  | 'intermediateThrow'
  | 'end';

/** The triggers each use supports, as Camunda 8 executes them. */
export const ALLOWED_TRIGGERS: Readonly<Record<EventUse, readonly EventTriggerType[]>> = {
  start: ['none', 'timer', 'message', 'signal'],
  subProcessStart: ['none'],
  eventSubProcessStart: ['timer', 'message', 'signal', 'error', 'escalation', 'compensation'],
  intermediateCatch: ['timer', 'message', 'signal', 'link'],
  boundary: ['timer', 'message', 'signal', 'error', 'escalation', 'compensation'],
  intermediateThrow: ['none', 'signal', 'escalation', 'link', 'compensation', 'message'],
  end: ['none', 'terminate', 'error', 'escalation', 'signal', 'compensation', 'message'],
};

/** Event definitions Qualflow leaves out on purpose (not "yet"). */
const NOT_SUPPORTED_DEFINITIONS = new Set(['bpmn:ConditionalEventDefinition', 'bpmn:CancelEventDefinition']);

const TRIGGER_OF_DEFINITION: Record<string, EventTriggerType> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensation',
};

/** What a trigger reader needs from the compile context. */
export interface TriggerContext {
  diagnostics: Diagnostics;
  /** References the parser could not resolve: `elementId#property` → the missing id. */
  unresolved: Map<string, string>;
}

export interface TriggerOptions {
  /** Boundary events and event sub-process starts: false when non-interrupting. Default true. */
  interrupting?: boolean;
  /** Narrows `ALLOWED_TRIGGERS[use]`. */
  allowed?: readonly EventTriggerType[];
}

/**
 * Reads the element's one event definition (none when it has none) into a trigger,
 * reporting on the element every problem: unsupported or misplaced definitions, missing
 * references, names and codes, bad timer values.
 *
 * @returns the trigger, or undefined when the event cannot be built (the errors say why).
 */
export function readEventTrigger(
  element: BpmnElement,
  use: EventUse,
  context: TriggerContext,
  options: TriggerOptions = {},
): EventTrigger | undefined {
  const { diagnostics } = context;
  const subject = describe(element);
  const definitions = children(element, 'eventDefinitions');
  const allowed = options.allowed ?? ALLOWED_TRIGGERS[use];
  if (definitions.length > 1) {
    diagnostics.error(element, `${subject} is not supported by Qualflow: an event may have only one event definition`);
    return undefined;
  }
  if (definitions.length === 0) {
    if (allowed.includes('none')) return { type: 'none' };
    diagnostics.error(element, `${subject} must have an event definition (${allowedList(allowed)})`);
    return undefined;
  }
  const [definition] = definitions;
  if (NOT_SUPPORTED_DEFINITIONS.has(definition.$type)) {
    diagnostics.error(element, `${subject} is not supported by Qualflow`);
    return undefined;
  }
  const type = TRIGGER_OF_DEFINITION[definition.$type];
  if (type === undefined || !allowed.includes(type)) {
    diagnostics.error(element, `${subject} is not supported${type === undefined ? '' : `; here an event may be ${allowedList(allowed)}`}`);
    return undefined;
  }
  const read = new DefinitionReader(element, definition, use, context, options.interrupting ?? true);
  return read.trigger(type);
}

/** `timer, message or signal`. */
function allowedList(types: readonly EventTriggerType[]): string {
  const words = types.map((type) => (type === 'none' ? 'none' : type));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const DURATION: LiteralRule = { valid: isIsoDuration, expected: 'an ISO 8601 interval such as PT2H or P3D' };
const DATE: LiteralRule = { valid: isIsoDateTime, expected: 'an ISO 8601 date such as 2026-12-01T09:00:00Z' };
const CYCLE: LiteralRule = {
  valid: isTimeCycle,
  expected: 'an ISO 8601 repeating interval such as R5/PT10M or R/2026-12-01T09:00:00Z/P1D, or a cron expression such as 0 0 9 * * MON-FRI',
};

class DefinitionReader {
  private readonly subject: string;
  private readonly diagnostics: Diagnostics;

  constructor(
    private readonly element: BpmnElement,
    private readonly definition: BpmnElement,
    private readonly use: EventUse,
    private readonly context: TriggerContext,
    private readonly interrupting: boolean,
  ) {
    this.subject = describe(element);
    this.diagnostics = context.diagnostics;
  }

  trigger(type: EventTriggerType): EventTrigger | undefined {
    switch (type) {
      case 'timer': return this.timer();
      case 'message': return this.message();
      case 'signal': return this.signal();
      case 'error': return this.error();
      case 'escalation': return this.escalation();
      case 'link': return this.link();
      case 'compensation': return this.compensation();
      case 'terminate': return { type: 'terminate' };
      default: return { type: 'none' };
    }
  }

  private get catches(): boolean {
    return this.use === 'boundary' || this.use === 'eventSubProcessStart' || this.use === 'intermediateCatch' || this.use === 'start';
  }

  private timer(): EventTrigger | undefined {
    const values = {
      duration: body(child(this.definition, 'timeDuration'))?.trim() || undefined,
      date: body(child(this.definition, 'timeDate'))?.trim() || undefined,
      cycle: body(child(this.definition, 'timeCycle'))?.trim() || undefined,
    };
    const given = (Object.keys(values) as Array<keyof typeof values>).filter((key) => values[key] !== undefined);
    const allowed = this.timerKinds();
    const wording = allowed.map((kind) => `a time ${kind}`);
    const choice = `${wording.slice(0, -1).join(', ')}${wording.length > 1 ? ' or ' : ''}${wording[wording.length - 1]}`;
    if (given.length !== 1) {
      const problem = given.length === 0 ? 'must have a defined timer value' : 'has more than one timer value';
      this.diagnostics.error(this.element, `${this.subject} ${problem}; it must have exactly one: ${choice}`);
      return undefined;
    }
    const [kind] = given;
    if (!allowed.includes(kind)) {
      const why = kind === 'cycle' && (this.use === 'boundary' || this.use === 'eventSubProcessStart')
        ? 'a time cycle is only allowed on a non-interrupting event'
        : `here it must have ${choice}`;
      this.diagnostics.error(this.element, `${this.subject} with a time ${kind} is not supported: ${why}`);
      return undefined;
    }
    const value = values[kind]!;
    const rule = kind === 'duration' ? DURATION : kind === 'date' ? DATE : CYCLE;
    if (!checkValue(this.diagnostics, this.element, `the time ${kind}`, value, rule)) return undefined;
    const basis = readTimerBasis(this.diagnostics, this.element, this.definition, kind, value);
    if (basis === null) return undefined;
    return { type: 'timer', timer: { [kind]: value, ...(basis ? { basis } : {}) } };
  }

  /** Timer values Camunda 8 allows where the event sits. */
  private timerKinds(): Array<'duration' | 'date' | 'cycle'> {
    switch (this.use) {
      case 'start': return ['date', 'cycle'];
      case 'intermediateCatch': return ['duration', 'date'];
      default: return this.interrupting ? ['duration', 'date'] : ['duration', 'date', 'cycle'];
    }
  }

  /** The element a reference points at; reports a reference to nothing. `what` is "a message", "an error", ... */
  private reference(property: string, what: string, required: boolean): BpmnElement | undefined | null {
    const target = child(this.definition, property);
    const missing = this.context.unresolved.get(`${this.definition.id ?? this.element.id}#${property}`);
    if (missing !== undefined) {
      this.diagnostics.error(this.element, `${this.subject} refers to ${what} "${missing}", which does not exist`);
      return null;
    }
    if (!target && required) {
      this.diagnostics.error(this.element, `${this.subject} must have a defined ${what.replace(/^(a|an|the) /, '')} reference`);
      return null;
    }
    return target;
  }

  private message(): EventTrigger | undefined {
    const message = this.reference('messageRef', 'a message', true);
    if (!message) return undefined;
    const messageName = text(message, 'name')?.trim();
    const correlationKey = text(findExtension(message, 'zeebe:Subscription'), 'correlationKey')?.trim();
    const processStart = this.use === 'start';
    const throwing = this.use === 'intermediateThrow' || this.use === 'end';
    let valid = true;
    if (messageName === undefined) {
      this.diagnostics.error(this.element, `${this.subject} refers to ${mention(message)}, which must have a defined name`);
      valid = false;
    } else if (!checkValue(this.diagnostics, this.element, 'the message name', messageName)) {
      valid = false;
    }
    if (correlationKey === undefined && !processStart && !throwing) {
      this.diagnostics.error(this.element, `${this.subject} refers to ${mention(message)}, which must have a defined subscription correlation key (zeebe:subscription)`);
      valid = false;
    } else if (correlationKey !== undefined && processStart) {
      this.diagnostics.warn(this.element, `${this.subject} refers to ${mention(message)}, whose correlation key is ignored: a message start event starts a new instance`);
    } else if (correlationKey !== undefined && !throwing && !checkValue(this.diagnostics, this.element, 'the correlation key', correlationKey)) {
      valid = false;
    }
    if (!valid || messageName === undefined) return undefined;
    return correlationKey === undefined || processStart || throwing
      ? { type: 'message', messageName }
      : { type: 'message', messageName, correlationKey };
  }

  private signal(): EventTrigger | undefined {
    const signal = this.reference('signalRef', 'a signal', true);
    if (!signal) return undefined;
    const signalName = text(signal, 'name')?.trim();
    if (signalName === undefined) {
      this.diagnostics.error(this.element, `${this.subject} refers to ${mention(signal)}, which must have a defined name`);
      return undefined;
    }
    return checkValue(this.diagnostics, this.element, 'the signal name', signalName) ? { type: 'signal', signalName } : undefined;
  }

  /** Throw events need an error with a code (may be `=expr`); catch events may omit it (catch all) but a code must be static. */
  private error(): EventTrigger | undefined {
    const error = this.reference('errorRef', 'an error', !this.catches);
    if (error === null) return undefined;
    const errorCode = text(error, 'errorCode')?.trim();
    if (!this.catches) {
      if (errorCode === undefined) {
        this.diagnostics.error(this.element, `${this.subject} refers to ${mention(error!)}, which must have a defined error code`);
        return undefined;
      }
      if (!checkValue(this.diagnostics, this.element, 'the error code', errorCode)) return undefined;
      const errorMessage = error ? displayName(error) : undefined;
      return errorMessage ? { type: 'error', errorCode, errorMessage } : { type: 'error', errorCode };
    }
    if (errorCode !== undefined && isExpression(errorCode)) {
      this.diagnostics.error(this.element, `${this.subject} catches the error code "${errorCode}"; a catch event's error code must be a static value, not an expression`);
      return undefined;
    }
    return errorCode === undefined ? { type: 'error' } : { type: 'error', errorCode };
  }

  private escalation(): EventTrigger | undefined {
    const escalation = this.reference('escalationRef', 'an escalation', !this.catches);
    if (escalation === null) return undefined;
    const escalationCode = text(escalation, 'escalationCode')?.trim();
    if (!this.catches) {
      if (escalationCode === undefined) {
        this.diagnostics.error(this.element, `${this.subject} refers to ${mention(escalation!)}, which must have a defined escalation code`);
        return undefined;
      }
      return checkValue(this.diagnostics, this.element, 'the escalation code', escalationCode) ? { type: 'escalation', escalationCode } : undefined;
    }
    if (escalationCode !== undefined && isExpression(escalationCode)) {
      this.diagnostics.error(this.element, `${this.subject} catches the escalation code "${escalationCode}"; a catch event's escalation code must be a static value, not an expression`);
      return undefined;
    }
    return escalationCode === undefined ? { type: 'escalation' } : { type: 'escalation', escalationCode };
  }

  private link(): EventTrigger | undefined {
    const linkName = text(this.definition, 'name')?.trim();
    if (linkName === undefined) {
      this.diagnostics.error(this.element, `${this.subject} must have a defined link name`);
      return undefined;
    }
    return { type: 'link', linkName };
  }

  /** Throw: `activityRef` (optional) names the activity to compensate; `waitForCompletion` defaults to true. */
  private compensation(): EventTrigger | undefined {
    const throwing = this.use === 'intermediateThrow' || this.use === 'end';
    const activity = throwing ? this.reference('activityRef', 'the activity', false) : undefined;
    if (activity === null) return undefined;
    const waitForCompletion = flag(this.definition, 'waitForCompletion') ?? true;
    if (!waitForCompletion) {
      this.diagnostics.error(this.element, `${this.subject} with wait for completion disabled is not supported: compensation always waits for its handlers`);
      return undefined;
    }
    if (!activity?.id) return { type: 'compensation', waitForCompletion };
    if (!enclosingScopes(this.element).includes(activity.$parent!)) {
      this.diagnostics.error(this.element, `${this.subject} compensates ${mention(activity)}, which is not in the same scope; it must be an activity of the same process or sub-process`);
      return undefined;
    }
    return { type: 'compensation', activityRef: activity.id, waitForCompletion };
  }
}

/** The event's own scope, and the scopes around it as long as it sits in event sub-processes (which may compensate their parent's activities). */
function enclosingScopes(element: BpmnElement): BpmnElement[] {
  const scopes: BpmnElement[] = [];
  let scope = element.$parent;
  while (scope) {
    scopes.push(scope);
    if (!(scope.$type === 'bpmn:SubProcess' && flag(scope, 'triggeredByEvent'))) break;
    scope = scope.$parent;
  }
  return scopes;
}
