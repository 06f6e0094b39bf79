/**
 * Qualflow's deadline settings on a user task: `qualflow:deadline` (due and follow-up
 * durations used when `zeebe:taskSchedule` sets none) and `qualflow:escalationPolicy`
 * (reminders before the due date, escalation levels after it). Every misuse is an error
 * naming the element; a policy on a task that can never get a due date is an error too,
 * since none of its levels could ever fire.
 */
import type { EscalationLevel, EscalationPolicy, Recipient, ReminderLevel, TaskDeadline, TimeBasis } from '../../workflows/model';
import { parseIsoDuration } from '../../workflows/durations';
import type { Diagnostics } from './diagnostics';
import { findExtension } from './extensions';
import { describe } from './labels';
import { isIsoDuration, isPriority } from './literals';
import { children, text } from './moddle-access';
import type { BpmnElement } from './types';

const BASES: readonly TimeBasis[] = ['working', 'elapsed'];
const NAMED_RECIPIENTS = new Set(['assignee', 'candidates', 'manager', 'owner']);
const NAMED_TARGET = /^(user|group):\S+$/;

/** Reads `qualflow:deadline`; undefined when absent or invalid (errors reported). */
export function readDeadline(diagnostics: Diagnostics, element: BpmnElement): TaskDeadline | undefined {
  const deadline = findExtension(element, 'qualflow:Deadline');
  if (!deadline) return undefined;
  const subject = `${describe(element)} has a deadline, which`;
  const report = (message: string) => diagnostics.error(element, `${subject} ${message}`);
  const basis = readBasis(text(deadline, 'time'), report);
  const dueIn = readDuration(text(deadline, 'dueIn'), 'dueIn', report, basis);
  const followUpIn = readDuration(text(deadline, 'followUpIn'), 'followUpIn', report, basis);
  if (text(deadline, 'dueIn') === undefined && text(deadline, 'followUpIn') === undefined) {
    report('has neither dueIn nor followUpIn; set at least one');
    return undefined;
  }
  if (!basis || dueIn === null || followUpIn === null) return undefined;
  return { basis, ...(dueIn ? { dueIn } : {}), ...(followUpIn ? { followUpIn } : {}) };
}

/**
 * Reads `qualflow:escalationPolicy`; undefined when absent or invalid (errors reported).
 * Reminders are sorted earliest first (longest `before` first), levels by `after`.
 *
 * @param hasDueDate whether the task gets a due date (`zeebe:taskSchedule dueDate` or a deadline's `dueIn`).
 */
export function readEscalationPolicy(diagnostics: Diagnostics, element: BpmnElement, hasDueDate: boolean): EscalationPolicy | undefined {
  const policy = findExtension(element, 'qualflow:EscalationPolicy');
  if (!policy) return undefined;
  const subject = describe(element);
  let valid = true;
  const error = (message: string) => {
    valid = false;
    diagnostics.error(element, `${subject} ${message}`);
  };
  const reminders = children(policy, 'reminders').map((reminder, index) => readReminder(reminder, (message) => error(`has reminder ${index + 1}, which ${message}`)));
  const levels = children(policy, 'levels').map((level, index) => readLevel(level, (message) => error(`has escalation ${index + 1}, which ${message}`)));
  if (reminders.length === 0 && levels.length === 0) {
    diagnostics.warn(element, `${subject} has an escalation policy without any reminder or escalation; it does nothing`);
  }
  if (!hasDueDate) {
    error('has an escalation policy but no due date: set zeebe:taskSchedule dueDate or qualflow:deadline dueIn, since reminders and escalations count from the due date');
  }
  if (!valid) return undefined;
  return {
    reminders: sortBy(reminders as ReminderLevel[], (reminder) => -nominalMs(reminder.before)),
    levels: sortBy(levels as EscalationLevel[], (level) => nominalMs(level.after)),
  };
}

function readReminder(reminder: BpmnElement, report: (message: string) => void): ReminderLevel | undefined {
  const basis = readBasis(text(reminder, 'time'), report);
  const before = readDuration(text(reminder, 'before'), 'before', report, basis, true);
  const notify = readRecipients(text(reminder, 'notify'), report);
  if (notify?.length === 0) report('notifies nobody; set notify (e.g. "assignee")');
  if (!basis || !before || !notify || notify.length === 0) return undefined;
  return { before, basis, notify };
}

function readLevel(level: BpmnElement, report: (message: string) => void): EscalationLevel | undefined {
  const basis = readBasis(text(level, 'time'), report);
  const after = readDuration(text(level, 'after'), 'after', report, basis, true);
  const notify = readRecipients(text(level, 'notify'), report);
  const reassignTo = text(level, 'reassignTo')?.trim();
  const priorityText = text(level, 'priority')?.trim();
  let ok = Boolean(basis && after && notify);
  if (reassignTo !== undefined && !NAMED_TARGET.test(reassignTo)) {
    report(`reassigns to "${reassignTo}"; reassignTo must be user:<username> or group:<name>`);
    ok = false;
  }
  if (priorityText !== undefined && !isPriority(priorityText)) {
    report(`sets the priority "${priorityText}"; it must be an integer between 0 and 100`);
    ok = false;
  }
  if (notify?.length === 0 && reassignTo === undefined && priorityText === undefined) {
    report('does nothing; set notify, reassignTo or priority');
    ok = false;
  }
  if (!ok) return undefined;
  return {
    after: after!,
    basis: basis!,
    notify: notify!,
    ...(reassignTo !== undefined ? { reassignTo: reassignTo as EscalationLevel['reassignTo'] } : {}),
    ...(priorityText !== undefined ? { priority: Number(priorityText) } : {}),
  };
}

/** `time`: working (the default for Qualflow's own settings) or elapsed. */
function readBasis(value: string | undefined, report: (message: string) => void): TimeBasis | undefined {
  if (value === undefined) return 'working';
  const basis = value.trim() as TimeBasis;
  if (BASES.includes(basis)) return basis;
  report(`counts time as "${value}"; time must be "working" or "elapsed"`);
  return undefined;
}

/**
 * An ISO 8601 duration attribute; undefined when absent (reported when `required`), null
 * when invalid. Working time has no years or months (they are not working time).
 */
function readDuration(value: string | undefined, attribute: string, report: (message: string) => void, basis: TimeBasis | undefined, required = false): string | undefined | null {
  if (value === undefined || value.trim() === '') {
    if (required) report(`has no ${attribute}; it must be an ISO 8601 duration such as P1D or PT4H`);
    return required ? null : undefined;
  }
  const duration = value.trim();
  const parsed = isIsoDuration(duration) ? parseIsoDuration(duration) : undefined;
  if (parsed && basis === 'working' && (parsed.years !== 0 || parsed.months !== 0)) {
    report(`has ${attribute}="${value}" in working time, which has no years or months; give working days (e.g. P20D) or use time="elapsed"`);
    return null;
  }
  if (parsed) return duration;
  report(`has ${attribute}="${value}"; it must be an ISO 8601 duration such as P1D or PT4H`);
  return null;
}

/** A comma-separated list of recipients; undefined when one is not a recipient (reported). */
function readRecipients(value: string | undefined, report: (message: string) => void): Recipient[] | undefined {
  const items = (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = items.filter((item) => !NAMED_RECIPIENTS.has(item) && !NAMED_TARGET.test(item));
  if (unknown.length > 0) {
    report(`notifies ${unknown.map((item) => `"${item}"`).join(', ')}; a recipient is assignee, candidates, manager, owner, user:<username> or group:<name>`);
    return undefined;
  }
  return [...new Set(items)] as Recipient[];
}

/** A duration's length in milliseconds counted as elapsed time (for ordering only). */
function nominalMs(duration: string): number {
  const d = parseIsoDuration(duration);
  if (!d) return 0;
  const days = d.years * 365 + d.months * 30 + d.weeks * 7 + d.days;
  return ((days * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000;
}

function sortBy<T>(items: T[], key: (item: T) => number): T[] {
  return items.map((item, index) => ({ item, index, key: key(item) })).sort((a, b) => a.key - b.key || a.index - b.index).map(({ item }) => item);
}
