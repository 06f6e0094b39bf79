/**
 * BPMN errors and escalations in flight. A behaviour (error end event, escalation throw,
 * a job whose handler threw a BPMN error, a call activity whose child ended with an
 * uncaught error) throws a {@link BpmnThrow}; the engine looks for the catching boundary
 * event or event sub-process from the element outwards, scope by scope. An uncaught
 * error becomes an incident (or ends a child instance with `thrown`, for its parent).
 */
import type { ThrownEvent } from './contract';

export class BpmnThrow extends Error {
  constructor(readonly event: ThrownEvent) {
    super(`${event.kind === 'error' ? 'BPMN error' : 'Escalation'} "${event.code}"${event.message ? `: ${event.message}` : ''}`);
    this.name = 'BpmnThrow';
  }
}

/** True when `error` is a BPMN error or escalation thrown by a behaviour. */
export function isBpmnThrow(error: unknown): error is BpmnThrow {
  return error instanceof BpmnThrow;
}
