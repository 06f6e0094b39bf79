/**
 * When a timer fires: ISO 8601 durations (counted from `now`), date-times (with an offset,
 * `Z` or a FEEL zone id), repeating intervals (`R5/PT10M`, `R/PT1H`,
 * `R3/2026-12-01T09:00:00Z/P1D`) and cron expressions as Zeebe accepts them (six fields, `sec min hour day month weekday`, see cron.ts). Pure
 * functions over an explicit `now`: deterministic inside the workflow.
 */
import { DEFAULT_BUSINESS_CALENDAR } from './business-days';
import { addWorkingDuration } from './calendar/working-time';
import type { Variables } from './contract';
import { nextCronTime, parseCron } from './cron';
import { addDuration, parseIsoDuration, resolveDateTime, type IsoDuration } from './durations';
import { evaluateValue, type FeelOptions } from './feel';
import { IncidentError } from './incident-error';
import type { TimerDefinition } from './model';

export interface TimerPlan {
  /** The first time the timer fires. */
  fireAt: Date;
  /** For cycles: the time after `after` it fires next, or undefined when it is done. Others: undefined. */
  next(after: Date): Date | undefined;
}

/**
 * Evaluates a timer definition (`=expr` values with FEEL over `scope`, counting business
 * time on `options.calendar`).
 *
 * @throws IncidentError naming `subject` when the value is missing or malformed.
 */
export function planTimer(timer: TimerDefinition, scope: Variables, now: Date, subject: string, options: FeelOptions = {}): TimerPlan {
  const add = durationAdder(timer, options, subject);
  if (timer.duration !== undefined) {
    const duration = parseIsoDuration(text(evaluateValue(timer.duration, scope, options)));
    if (!duration) throw new IncidentError(`${subject} must be an ISO 8601 duration such as PT2H or P3D, got ${show(timer.duration, scope, options)}`);
    return once(add(now, duration));
  }
  if (timer.date !== undefined) {
    const value = evaluateValue(timer.date, scope, options);
    const at = typeof value === 'string' ? parseTimerDate(value) : undefined;
    if (!at) throw new IncidentError(`${subject} must be an ISO 8601 date-time such as 2026-12-01T09:00:00Z, got ${JSON.stringify(value)}`);
    return once(at);
  }
  if (timer.cycle !== undefined) return planCycle(text(evaluateValue(timer.cycle, scope, options)), now, subject, add);
  throw new IncidentError(`${subject} has no duration, date or cycle`);
}

type AddDuration = (from: Date, duration: IsoDuration) => Date;

/** Elapsed time adds by the clock; working time on the calendar, naming the timer when it cannot. */
function durationAdder(timer: TimerDefinition, options: FeelOptions, subject: string): AddDuration {
  if (timer.basis !== 'working') return addDuration;
  const calendar = options.calendar ?? DEFAULT_BUSINESS_CALENDAR;
  return (from, duration) => {
    try {
      return new Date(addWorkingDuration(from.getTime(), duration, calendar));
    } catch (error) {
      throw new IncidentError(`${subject} counts working time: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

function planCycle(value: string, now: Date, subject: string, add: AddDuration = addDuration): TimerPlan {
  const interval = parseInterval(value);
  if (interval) {
    let fired = 0;
    return {
      fireAt: firstOccurrence(interval, now, add),
      next(after) {
        fired += 1;
        return interval.repetitions !== undefined && fired >= interval.repetitions ? undefined : add(after, interval.every);
      },
    };
  }
  const cron = parseCron(value);
  if (!cron) {
    throw new IncidentError(`${subject} must be a repeating interval such as R3/PT1H or a cron expression such as "0 0 9 * * MON-FRI", got ${JSON.stringify(value)}`);
  }
  const first = nextCronTime(cron, now);
  if (!first) throw new IncidentError(`${subject} (${value}) never fires`);
  return { fireAt: first, next: (after) => nextCronTime(cron, after) };
}

/**
 * Without a start: one period from now. With a start still ahead: the start. With a
 * start in the past: the next point of the start's series after now.
 */
function firstOccurrence(interval: RepeatingInterval, now: Date, add: AddDuration): Date {
  if (!interval.start) return add(now, interval.every);
  let at = interval.start;
  for (let step = 0; at.getTime() <= now.getTime() && step < 100_000; step += 1) {
    const next = add(at, interval.every);
    if (next.getTime() <= at.getTime()) return add(now, interval.every);
    at = next;
  }
  return at;
}

interface RepeatingInterval {
  /** Undefined: repeat without end. */
  repetitions?: number;
  start?: Date;
  every: IsoDuration;
}

/** `R[n]/[start/]duration`; undefined when `value` is not one. */
export function parseInterval(value: string): RepeatingInterval | undefined {
  const parts = value.trim().split('/');
  const head = /^R(\d*)$/i.exec(parts[0] ?? '');
  if (!head || parts.length < 2 || parts.length > 3) return undefined;
  const every = parseIsoDuration(parts[parts.length - 1]);
  if (!every) return undefined;
  const repetitions = head[1] === '' ? undefined : Number(head[1]);
  if (repetitions === 0) return undefined;
  if (parts.length === 2) return { repetitions, every };
  const start = resolveStart(parts[1]);
  return start ? { repetitions, start, every } : undefined;
}

function resolveStart(text: string): Date | undefined {
  return parseTimerDate(text);
}

const ZONED = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:@|\[)([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*)\]?$/;

/**
 * A timer date: an ISO 8601 date-time with `Z` or an offset (no zone means UTC), a date
 * (midnight UTC), or a FEEL date-time with a zone id (`2026-12-01T09:00:00@Europe/Berlin`,
 * also `...[Europe/Berlin]`). Undefined for anything else (durations included).
 */
export function parseTimerDate(value: string): Date | undefined {
  const text = value.trim();
  if (text === '' || parseIsoDuration(text)) return undefined;
  const zoned = ZONED.exec(text);
  if (zoned) return inZone(zoned[1], zoned[2]);
  try {
    const iso = resolveDateTime(text, new Date(0), 'date');
    return iso ? new Date(iso) : undefined;
  } catch {
    return undefined;
  }
}

/** The instant a wall-clock time has in a time zone (IANA id), or undefined for an unknown zone. */
function inZone(local: string, zone: string): Date | undefined {
  const wall = new Date(`${local}Z`).getTime();
  if (Number.isNaN(wall)) return undefined;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  } catch {
    return undefined;
  }
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
    const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return shown - Math.floor(instant / 1000) * 1000;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}

function once(fireAt: Date): TimerPlan {
  return { fireAt, next: () => undefined };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function show(value: string, scope: Variables, options: FeelOptions): string {
  return JSON.stringify(value.startsWith('=') ? evaluateValue(value, scope, options) : value);
}
