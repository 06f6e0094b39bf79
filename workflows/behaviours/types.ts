/**
 * The contract between the token engine and the behaviour of one element kind. A
 * behaviour runs an element for one token and says where the token goes next; the
 * engine does the rest (input/output mappings, incidents, path, moving tokens).
 */
import type { Variables } from '../contract';
import type { ElementKind, ElementOfKind, FlowElement } from '../model';
import type { InstanceRuntime } from '../runtime';
import type { FlowScope } from '../scopes';
import type { SpawnOptions } from '../tokens';

/** One token on one element: the element instance. */
export interface Token {
  elementId: string;
  /** Unique id of this run of the element (deterministic: `uuid4()` of the workflow). */
  elementInstanceId: string;
  /** The sequence flow the token arrived by; absent at the start event and boundary events. */
  viaFlow?: string;
  /**
   * Set when the token re-enters its element instead of entering it fresh: after
   * continue-as-new (the data the behaviour gave `waiting()`), or when an event-based
   * gateway hands the event that already happened to the catch event it chose
   * (`{ triggered: CorrelationRequest | { timer: true } }`).
   */
  resume?: unknown;
  /** False for a token started outside its scope's regular flow (an event sub-process): interrupting the flow does not stop it. */
  inFlow?: boolean;
}

export interface ElementContext<E extends FlowElement = FlowElement> {
  readonly runtime: InstanceRuntime;
  readonly element: E;
  readonly token: Token;
  /** The element's local variables (its input mappings). */
  readonly local: Variables;
  /** The flow scope the element runs in (the process, a sub-process, a multi-instance body). */
  readonly flowScope: FlowScope;
  /** Variables the element sees: process variables overlaid with its local variables. */
  scope(): Variables;
  /** Starts a new token at `elementId` in this element's flow scope (a non-interrupting boundary event firing). */
  spawn(elementId: string, options?: Omit<SpawnOptions, 'scope'>): void;
  /** Runs `step`; a business error becomes an incident on this element and `step` runs again once retried. */
  attempt<T>(step: () => T | Promise<T>): Promise<T>;
  /**
   * Says the element now waits for something outside (a task, a timer, a message) and
   * what it needs to pick the wait up again after continue-as-new (plain JSON, e.g. the
   * task id or the timer's fire time). The engine only continues as new while every
   * token is waiting; the behaviour then receives the data back in `token.resume`.
   */
  waiting(resumeData: Record<string, unknown>): void;
  /**
   * Raises an escalation from this element without leaving it (an escalation from a
   * child instance, a non-interrupting throw): a catching boundary event or event
   * sub-process reacts; uncaught, nothing happens (as in Camunda). Resolves once handled.
   */
  escalate(code: string, variables?: Variables): Promise<void>;
}

/** Where the token goes once the behaviour is done. */
export type Outcome =
  /** The element completed: its output mappings are applied to `variables` (or, when `mapped`, they already were) and the result propagates; then a token moves along each flow. */
  | { kind: 'complete'; flows: string[]; variables?: Variables; mapped?: boolean }
  /** The token was absorbed without completing the element (a join still waiting for other branches). */
  | { kind: 'absorbed' }
  /** The element was interrupted or handed over; the token continues at another element (an interrupting boundary event, an event-based gateway's chosen event, a link). `resume` becomes the new token's `resume`; `completed` records the element in the path (a gateway or link that handed over, not an interrupted activity). */
  | { kind: 'leave'; to: string; resume?: unknown; completed?: boolean };

export interface Behaviour<K extends ElementKind> {
  run(context: ElementContext<ElementOfKind<K>>): Outcome | Promise<Outcome>;
}

/** One behaviour per element kind: a kind without a behaviour is a type error. */
export type BehaviourTable = { [K in ElementKind]: Behaviour<K> };

/** The element completed; the token moves along `flows` (all outgoing flows by default). */
export function complete(flows: string[], variables?: Variables): Outcome {
  return { kind: 'complete', flows, variables };
}
