/**
 * Business time at the process level: `qualflow:calendar` and `qualflow:owner` on the
 * process, `qualflow:time` on timers, and the decision whether a run loads a calendar.
 *
 * `model.calendar` is set when the process counts business time: a `working` deadline,
 * reminder, escalation or timer, or a FEEL expression anywhere in the model calling a
 * business-day or working-time function. It names the process's calendar, or none (the
 * default calendar). A process that names a calendar but counts no business time gets a
 * warning, as the calendar would never be read. Whether the named calendar exists is the
 * deployment's question (engine/api/calendar.service.ts `checkProcessCalendar`).
 */
import { BUSINESS_TIME_FUNCTION_NAMES } from '../../workflows/feel-business-days';
import type { ProcessModel, TimeBasis } from '../../workflows/model';
import type { Diagnostics } from './diagnostics';
import { describe } from './labels';
import { text } from './moddle-access';
import type { BpmnElement } from './types';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CALLS = BUSINESS_TIME_FUNCTION_NAMES.map((name) => new RegExp(`(?:^|[^\\p{L}\\p{N}_])${name.split(' ').join('\\s+')}\\s*\\(`, 'u'));

/**
 * `qualflow:time` of a timer event definition: `working` or `elapsed`; undefined when
 * absent (elapsed, Camunda's meaning); null when invalid (error reported on `element`).
 * A working duration (or cycle period) written out may not have years or months; a time
 * date or cron expression is a point in time, so `working` has no effect there (warning).
 */
export function readTimerBasis(diagnostics: Diagnostics, element: BpmnElement, definition: BpmnElement, kind: 'duration' | 'date' | 'cycle', value: string): TimeBasis | undefined | null {
  const basis = text(definition, 'time')?.trim();
  if (basis === undefined) return undefined;
  const subject = describe(element);
  if (basis !== 'working' && basis !== 'elapsed') {
    diagnostics.error(element, `${subject} has the timer time basis (qualflow:time) "${basis}"; it must be "working" (business time of the process's calendar) or "elapsed"`);
    return null;
  }
  if (basis === 'elapsed' || value.startsWith('=')) return basis;
  const period = kind === 'duration' ? value : kind === 'cycle' && /^R\d*\//i.test(value) ? value.split('/').pop()! : undefined;
  if (period === undefined) {
    diagnostics.warn(element, `${subject} counts working time (qualflow:time="working"), which has no effect on a time ${kind === 'date' ? 'date' : 'cycle given as a cron expression'}: it fires at that point in time`);
    return basis;
  }
  if (/^P(?:[^T]*[YM])/i.test(period.trim())) {
    diagnostics.error(element, `${subject} has the duration "${period}" in working time, which has no years or months; give working days (e.g. P20D) or use qualflow:time="elapsed"`);
    return null;
  }
  return basis;
}

/** Reads `qualflow:owner` and `qualflow:calendar` of the process into `model`, and sets `model.calendar` when it counts business time. */
export function applyProcessSettings(diagnostics: Diagnostics, process: BpmnElement, model: ProcessModel): void {
  const owner = text(process, 'owner')?.trim();
  if (owner !== undefined) model.owner = owner;
  const name = text(process, 'calendar')?.trim();
  if (name !== undefined && !NAME.test(name)) {
    diagnostics.error(process, `${describe(process)} names the business calendar (qualflow:calendar) "${name}"; a calendar name is letters, digits and . _ - (at most 64)`);
    return;
  }
  if (!countsBusinessTime(model)) {
    if (name !== undefined) {
      diagnostics.warn(process, `${describe(process)} names the business calendar "${name}" but counts no business time (no working-time deadline, escalation or timer, no business-day FEEL function), so the calendar is never used`);
    }
    return;
  }
  model.calendar = name === undefined ? {} : { name };
}

/** True when something in the model counts working time: a `working` basis, or a FEEL call of a business-time function. */
export function countsBusinessTime(model: ProcessModel): boolean {
  let found = false;
  const visit = (value: unknown, key?: string): void => {
    if (found) return;
    if (typeof value === 'string') {
      found = (key === 'basis' && value === 'working') || CALLS.some((pattern) => pattern.test(value));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
    }
  };
  visit({ elements: model.elements, flows: model.flows });
  return found;
}
