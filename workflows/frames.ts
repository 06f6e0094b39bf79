/**
 * An activity while it runs: its own cancellation scope (so a boundary event, an error
 * or an escalation can interrupt it without touching anything else) and the boundary
 * events armed around it. The token that entered the activity owns the frame; whoever
 * interrupts it says where the token goes instead.
 */
import { CancellationScope } from '@temporalio/workflow';
import type { Variables } from './contract';
import type { FlowElement } from './model';
import type { FlowScope } from './scopes';

/** Where an interrupted activity's token continues, with the variables the event brought. */
export interface Interruption {
  boundaryId: string;
  /** Variables the event brought (a message's), propagated from the boundary event. */
  variables?: Variables;
  /** Variables only the boundary event's output mappings see (`errorCode`, `errorMessage`). */
  local?: Variables;
}

export class ActivityFrame {
  readonly cancellation: CancellationScope;
  interruption?: Interruption;
  /** True once the activity's behaviour finished: it can no longer be interrupted. */
  settled = false;
  /** True once its boundary events are armed (a retried incident does not arm them twice). */
  armed = false;
  /** Stops the armed boundary timers and subscriptions. */
  private readonly disarms: (() => void | Promise<void>)[] = [];

  constructor(
    readonly element: FlowElement,
    readonly elementInstanceId: string,
    /** The flow scope the activity runs in (where its boundary events' tokens start). */
    readonly scope: FlowScope,
  ) {
    this.cancellation = new CancellationScope();
  }

  /** Interrupts the activity (first interruption wins); false when it is already done or interrupted. */
  interrupt(interruption: Interruption): boolean {
    if (this.settled || this.interruption) return false;
    this.interruption = interruption;
    this.cancellation.cancel();
    return true;
  }

  /** Registers something to stop when the activity ends. */
  onEnd(disarm: () => void | Promise<void>): void {
    this.disarms.push(disarm);
  }

  /** Stops every armed boundary event (runs each disarm once). */
  async end(): Promise<void> {
    this.settled = true;
    const disarms = this.disarms.splice(0);
    for (const disarm of disarms) await disarm();
  }
}
