/**
 * Variable scopes and flow scopes, as Zeebe has them. The process instance is the root
 * scope; an embedded sub-process, an event sub-process and each multi-instance body
 * open a child scope. A token belongs to the flow scope it runs in; the scope's
 * cancellation scope stops every token in it at once (terminate inside a sub-process,
 * an interrupting event sub-process, an interrupting boundary event on the sub-process).
 *
 * Variables: an element sees the variables of its scope chain (inner names shadow
 * outer ones). A written variable propagates: it is set in the nearest scope that
 * already has it, otherwise in the root scope (Zeebe's variable propagation).
 */
import { CancellationScope } from '@temporalio/workflow';
import type { Variables } from './contract';

/** process: the instance; subProcess: an embedded or event sub-process; body: a multi-instance body or one of its instances. */
export type FlowScopeKind = 'process' | 'subProcess' | 'body';

export interface FlowScopeOptions {
  id: string;
  kind: FlowScopeKind;
  elementId?: string;
  hostInstanceId?: string;
  parent?: FlowScope;
  hostInFlow?: boolean;
  variables: Variables;
  outer: CancellationScope;
  joins?: Map<string, Map<string, number>>;
}

export class FlowScope {
  /** Local variables of this scope (the root's are the process variables). */
  variables: Variables;
  /** Tokens running directly in this scope (nested scopes count as their host's one token). */
  liveTokens = 0;
  /** Element instance id → element id of every token directly in this scope. */
  readonly tokens = new Map<string, string>();
  /** Parallel/inclusive join bookkeeping per gateway id → incoming flow → tokens waiting. */
  readonly joins: Map<string, Map<string, number>>;
  /** Stops the scope's regular tokens (not the event sub-processes it starts afterwards). */
  flow: CancellationScope;
  /** Set when something ended the scope early (terminate end event, interrupting event sub-process). */
  interrupted = false;
  /** Stops the armed event sub-process starts of this scope (set once they are armed). */
  disarmEventSubProcesses?: () => Promise<void>;
  /** Completed activities with a compensation handler, most recent last. */
  readonly compensable: CompensableRecord[] = [];

  readonly id: string;
  readonly kind: FlowScopeKind;
  /** The sub-process / event sub-process element of a `subProcess` scope. */
  readonly elementId: string | undefined;
  /** Element instance id of the activity whose frame hosts this scope (its boundary events catch from inside). */
  readonly hostInstanceId: string | undefined;
  readonly parent: FlowScope | undefined;
  /** False when the host token runs outside the parent's regular flow (an event sub-process's scope). */
  readonly hostInFlow: boolean;
  /** The cancellation scope everything of this scope runs in (a child of the host token's). */
  readonly outer: CancellationScope;

  constructor(options: FlowScopeOptions) {
    this.id = options.id;
    this.kind = options.kind;
    this.elementId = options.elementId;
    this.hostInstanceId = options.hostInstanceId;
    this.parent = options.parent;
    this.hostInFlow = options.hostInFlow ?? true;
    this.variables = options.variables;
    this.outer = options.outer;
    this.joins = options.joins ?? new Map();
    this.flow = new CancellationScope({ cancellable: true, parent: options.outer });
  }

  /** The root scope of the chain. */
  root(): FlowScope {
    let scope: FlowScope = this;
    while (scope.parent) scope = scope.parent;
    return scope;
  }

  /** Every variable visible in this scope: outer scopes first, inner names win. */
  visible(): Variables {
    const chain: FlowScope[] = [];
    for (let scope: FlowScope | undefined = this; scope; scope = scope.parent) chain.unshift(scope);
    return Object.assign({}, ...chain.map((scope) => scope.variables));
  }

  /** Sets each variable in the nearest scope that has it, else in the root scope. */
  propagate(variables: Variables | undefined): void {
    if (!variables) return;
    for (const [name, value] of Object.entries(variables)) {
      let target: FlowScope | undefined = this;
      while (target && !Object.hasOwn(target.variables, name)) target = target.parent;
      const owner = target ?? this.root();
      owner.variables = { ...owner.variables, [name]: value };
    }
  }

  /** Sets variables locally in this scope (input mappings, multi-instance items, output collections). */
  setLocal(variables: Variables): void {
    this.variables = { ...this.variables, ...variables };
  }

  /** Starts a fresh cancellation scope for regular tokens after the old one was cancelled. */
  renewFlow(): void {
    this.flow = new CancellationScope({ cancellable: true, parent: this.outer });
  }
}

/** A completed activity whose compensation handler may still have to run. */
export interface CompensableRecord {
  elementId: string;
  handlerId: string;
  /** The variables the activity saw when it completed (the handler runs with them). */
  variables: Variables;
}
