/**
 * Event sub-processes: while a scope (the process or a sub-process) runs, the timer,
 * message and signal start events of its event sub-processes are armed. Error and
 * escalation starts are found by throw routing. Interrupting: the scope's other tokens
 * stop, no other event sub-process of it starts any more, and the scope completes when
 * the event sub-process does. Non-interrupting: it runs beside them (a timer cycle or a
 * repeated message starts it again).
 */
import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import type { ElementContext } from './behaviours/types';
import type { Variables } from './contract';
import type { EventTrigger, FlowElement, StartEventElement } from './model';
import type { InstanceRuntime } from './runtime';
import type { FlowScope } from './scopes';
import { subscribe } from './subscriptions';
import { planTimer } from './timers';
import { spawnToken } from './tokens';

/** What the event brought: `variables` propagate, `local` only reach output mappings. */
export interface Triggered {
  variables?: Variables;
  local?: Variables;
}

/** Arms the scope's event sub-process starts; resolves to the function that disarms them. */
export async function armEventSubProcesses(runtime: InstanceRuntime, scope: FlowScope, ids: string[]): Promise<() => Promise<void>> {
  const armed = new CancellationScope({ cancellable: true, parent: scope.outer });
  const closers: (() => Promise<void>)[] = [];
  for (const id of ids) {
    const host = runtime.model.elements[id];
    if (host?.kind !== 'eventSubProcess') continue;
    const start = runtime.element(host.startEventId);
    if (start.kind !== 'startEvent' || !start.trigger) continue;
    const trigger = start.trigger;
    if (trigger.type === 'timer') armTimer(runtime, scope, armed, id, start, trigger);
    else if (trigger.type === 'message' || trigger.type === 'signal') closers.push(await armSubscription(runtime, scope, armed, id, start, trigger));
  }
  scope.disarmEventSubProcesses = async () => {
    armed.cancel();
    for (const close of closers.splice(0)) await CancellationScope.nonCancellable(close);
  };
  return scope.disarmEventSubProcesses;
}

/** Starts event sub-process `id` in `scope` (interrupting: stops the scope's other tokens first). */
export function startEventSubProcess(runtime: InstanceRuntime, scope: FlowScope, id: string, interrupting: boolean, triggered: Triggered): void {
  if (scope.interrupted) return;
  if (interrupting) {
    scope.interrupted = true;
    scope.flow.cancel();
    void scope.disarmEventSubProcesses?.();
  }
  const cancellation = new CancellationScope({ cancellable: true, parent: scope.outer });
  spawnToken(runtime, id, undefined, { scope, cancellation, resume: { triggered } });
}

function armTimer(runtime: InstanceRuntime, scope: FlowScope, armed: CancellationScope, id: string, start: StartEventElement, trigger: Extract<EventTrigger, { type: 'timer' }>): void {
  const plan = planTimer(trigger.timer, scope.visible(), new Date(), `The timer of "${start.name}"`, runtime.feel);
  const interrupting = start.interrupting !== false;
  armed
    .run(async () => {
      let fireAt: Date | undefined = plan.fireAt;
      while (fireAt && !scope.interrupted) {
        await sleep(Math.max(0, fireAt.getTime() - Date.now()));
        runtime.noteWait();
        startEventSubProcess(runtime, scope, id, interrupting, {});
        fireAt = interrupting ? undefined : plan.next(fireAt);
      }
    })
    .catch(ignoreCancellation);
}

async function armSubscription(
  runtime: InstanceRuntime,
  scope: FlowScope,
  armed: CancellationScope,
  id: string,
  start: StartEventElement,
  trigger: Extract<EventTrigger, { type: 'message' | 'signal' }>,
): Promise<() => Promise<void>> {
  const context = scopeContext(runtime, scope, start);
  let wait = await subscribe(context, trigger, { elementId: start.id });
  const interrupting = start.interrupting !== false;
  armed
    .run(async () => {
      while (!scope.interrupted) {
        const received = await Promise.race([wait.received, CancellationScope.current().cancelRequested]);
        runtime.noteWait();
        startEventSubProcess(runtime, scope, id, interrupting, { variables: received.variables });
        if (interrupting) return;
        await wait.close();
        wait = await subscribe(context, trigger, { elementId: start.id });
      }
    })
    .catch(ignoreCancellation);
  return () => wait.close();
}

/**
 * The element context a scope-level subscription is opened with: the start event, a
 * stable element instance id derived from the scope, and the scope's variables.
 */
function scopeContext(runtime: InstanceRuntime, scope: FlowScope, element: FlowElement): ElementContext {
  return {
    runtime,
    element,
    token: { elementId: element.id, elementInstanceId: `${scope.id}:${element.id}` },
    local: {},
    flowScope: scope,
    scope: () => scope.visible(),
    spawn: () => undefined,
    attempt: async (step) => step(),
    waiting: () => undefined,
    escalate: async () => undefined,
  };
}

function ignoreCancellation(error: unknown): void {
  if (!isCancellation(error)) throw error;
}
