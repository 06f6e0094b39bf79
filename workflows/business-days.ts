/**
 * Business-day arithmetic for due dates. Pure functions over calendar dates (`YYYY-MM-DD`)
 * and a {@link BusinessCalendar}, so they are deterministic in the workflow and testable on
 * their own. The calendar is always an argument with a default (Monday to Friday). Dates are
 * days of the calendar's own time zone; callers holding an instant convert it first (see
 * workflows/feel-business-days.ts). Working hours and working-time durations: workflows/calendar.
 */
import { prepareCalendar } from './calendar/prepared';
import { IncidentError } from './incident-error';

/** Which days people work on. */
export interface BusinessCalendar {
  /** ISO weekday numbers that are working days: 1 = Monday … 7 = Sunday. */
  readonly workingWeekdays: readonly number[];
  /** Non-working dates (`YYYY-MM-DD`), e.g. public holidays and company closures. */
  readonly holidays: readonly string[];
  /** IANA time zone the calendar's days and hours are counted in; absent = UTC. */
  readonly timeZone?: string;
  /**
   * Working hours per ISO weekday (`"1"` = Monday … `"7"` = Sunday) as `[from, to]` pairs of
   * `HH:MM` wall-clock times in `timeZone`; absent = every working weekday is worked all day.
   */
  readonly workingHours?: Readonly<Record<string, readonly (readonly [string, string])[]>>;
  /** The calendar's name, for messages and the audit trail. */
  readonly name?: string;
}

/** The calendar used when none is configured: Monday to Friday, no holidays. */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = Object.freeze({
  workingWeekdays: Object.freeze([1, 2, 3, 4, 5]),
  holidays: Object.freeze([]),
});

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_BUSINESS_DAYS = 100_000;

/**
 * True when `day` is a working weekday of `calendar` and not one of its holidays.
 *
 * @throws IncidentError when `day` is not a `YYYY-MM-DD` date or the calendar has no working weekday.
 */
export function isBusinessDay(day: string, calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR): boolean {
  return workingDays(calendar).isWorking(epochDay(day));
}

/**
 * The date `count` business days after `day` (before it when `count` is negative): each
 * step moves to the next working day, so a Friday plus one business day is the Monday.
 * With `count` 0 the result is `day` itself when it is a business day, otherwise the next
 * business day (a due date never lands on a day off).
 *
 * @throws IncidentError when `day` is not a `YYYY-MM-DD` date, `count` is not a whole number
 * (or beyond ±100,000), or the calendar has no working weekday.
 */
export function addBusinessDays(day: string, count: number, calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR): string {
  if (!Number.isInteger(count) || Math.abs(count) > MAX_BUSINESS_DAYS) {
    throw new IncidentError(`The number of business days must be a whole number between -${MAX_BUSINESS_DAYS} and ${MAX_BUSINESS_DAYS}, not ${count}`);
  }
  const days = workingDays(calendar);
  let current = epochDay(day);
  if (count === 0) {
    while (!days.isWorking(current)) current += 1;
    return isoDate(current);
  }
  const step = Math.sign(count);
  for (let remaining = Math.abs(count); remaining > 0;) {
    current += step;
    if (days.isWorking(current)) remaining -= 1;
  }
  return isoDate(current);
}

/**
 * The number of business days from `from` to `to`, counting `to` but not `from` (the
 * working days one steps onto on the way); negative when `to` is before `from`. It is the
 * inverse of {@link addBusinessDays}: for a business day `to`,
 * `addBusinessDays(from, businessDaysBetween(from, to)) === to`.
 *
 * @throws IncidentError when a date is not `YYYY-MM-DD` or the calendar has no working weekday.
 */
export function businessDaysBetween(from: string, to: string, calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR): number {
  const days = workingDays(calendar);
  const start = epochDay(from);
  const end = epochDay(to);
  const step = end >= start ? 1 : -1;
  let count = 0;
  for (let current = start; current !== end;) {
    current += step;
    if (days.isWorking(current)) count += step;
  }
  return count;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier. */
export function calendarDaysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

interface WorkingDays {
  isWorking(epochDay: number): boolean;
}

/** A weekday counts when it is a working weekday and, where working hours are given, has some. */
function workingDays(calendar: BusinessCalendar): WorkingDays {
  return { isWorking: prepareCalendar(calendar).isWorkingDay };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function epochDay(day: string): number {
  const match = typeof day === 'string' ? ISO_DATE.exec(day) : null;
  if (match) {
    const [year, month, date] = match.slice(1).map(Number);
    const time = Date.UTC(year, month - 1, date);
    const check = new Date(time);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date) return time / DAY_MS;
  }
  throw new IncidentError(`"${String(day)}" is not a calendar date (expected YYYY-MM-DD)`);
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
