/**
 * FEEL functions over calendar days: Qualflow's business-day helpers for due dates
 * (`add business days`, `business days between`, `is business day`) and Camunda's
 * `last day of month`. Dates may be FEEL dates, date-times (the time of day and zone are
 * kept) or ISO strings as process variables hold them. With a calendar time zone, the day
 * of a date-time that has a zone is its day in the calendar's zone (23:30 UTC on a Friday is
 * already Saturday in Berlin), and shifting it keeps the calendar's wall time across a
 * daylight-saving change. The working-time functions (hours, not just days) come from
 * workflows/calendar/feel-working-time.ts.
 */
import { FeelDate, FeelDateTime, FeelFunction, parseDate, parseDateTime } from 'feelin';
import { addBusinessDays, businessDaysBetween, calendarDaysBetween, isBusinessDay, type BusinessCalendar } from './business-days';
import { dateTimeLike, instantOf } from './calendar/feel-instants';
import { workingTimeFunctions } from './calendar/feel-working-time';
import { instantAt, isoDateOf, wallClockAt } from './calendar/zone';
import { invalidArguments, isNil } from './feel-values';

type Day = FeelDate | FeelDateTime;

/**
 * The business-day functions, counting working days of `calendar`.
 *
 * - `add business days(date, days)`: the date `days` business days later (earlier when negative).
 * - `business days between(from, to)`: business days from `from` to `to`, counting `to` but not `from`.
 * - `is business day(date)`: whether `date` is a working day.
 */
export function businessDayFunctions(calendar: BusinessCalendar): Record<string, FeelFunction> {
  const dayOf = (day: Day) => calendarDay(day, calendar);
  const shift = (day: Day, days: number) => shiftDays(day, days, calendar);
  return {
    ...workingTimeFunctions(calendar, toDay, (date, days) => shift(date, calendarDaysBetween(dayOf(date), addBusinessDays(dayOf(date), days, calendar)))),
    'add business days': new FeelFunction((date: unknown, days: unknown) => {
      if (isNil(date) || isNil(days)) return null;
      const day = toDay(date);
      if (!day) return notADate('add business days', date);
      if (typeof days !== 'number' || !Number.isInteger(days)) return invalidArguments(`add business days: "days" must be a whole number, not ${String(days)}`);
      return guarded('add business days', () => {
        const from = dayOf(day);
        return shift(day, calendarDaysBetween(from, addBusinessDays(from, days, calendar)));
      });
    }, ['date', 'days']),
    'business days between': new FeelFunction((from: unknown, to: unknown) => {
      if (isNil(from) || isNil(to)) return null;
      const [start, end] = [toDay(from), toDay(to)];
      if (!start) return notADate('business days between', from);
      if (!end) return notADate('business days between', to);
      return guarded('business days between', () => businessDaysBetween(dayOf(start), dayOf(end), calendar));
    }, ['from', 'to']),
    'is business day': new FeelFunction((date: unknown) => {
      if (isNil(date)) return null;
      const day = toDay(date);
      if (!day) return notADate('is business day', date);
      return guarded('is business day', () => isBusinessDay(dayOf(day), calendar));
    }, ['date']),
    'last day of month': new FeelFunction((date: unknown) => {
      if (isNil(date)) return null;
      const day = toDay(date);
      if (!day) return notADate('last day of month', date);
      const plain = day instanceof FeelDate ? day.unwrap() : day.unwrap().toPlainDate();
      return new FeelDate(plain.with({ day: plain.daysInMonth }));
    }, ['date']),
  };
}

/** A FEEL date or date-time, parsing ISO strings; undefined for anything else. */
export function toDay(value: unknown): Day | undefined {
  if (value instanceof FeelDate || value instanceof FeelDateTime) return value;
  if (typeof value !== 'string') return undefined;
  return parseDate(value) ?? parseDateTime(value) ?? undefined;
}

/** The calendar day (`YYYY-MM-DD`) of a date, or of a date-time on its own wall clock. */
export function isoDay(day: Day): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
}

/** The functions that count business time: an expression calling one needs the process's calendar. */
export const BUSINESS_TIME_FUNCTION_NAMES: readonly string[] = Object.freeze([
  'add business days',
  'business days between',
  'is business day',
  'add working days',
  'add working time',
  'is working time',
  'next working time',
]);

/** The calendar day of `day`: its own for dates and local date-times, else its day in the calendar's zone. */
function calendarDay(day: Day, calendar: BusinessCalendar): string {
  if (!zoned(day, calendar)) return isoDay(day);
  return isoDateOf(wallClockAt(instantOf(day, 'UTC'), calendar.timeZone!).epochDay);
}

function shiftDays(day: Day, days: number, calendar: BusinessCalendar): Day {
  if (day instanceof FeelDate) return new FeelDate(day.unwrap().add({ days }));
  if (!zoned(day, calendar)) return new FeelDateTime(day.unwrap().add({ days }), day.zone);
  const zone = calendar.timeZone!;
  const wall = wallClockAt(instantOf(day, zone), zone);
  return dateTimeLike(instantAt(wall.epochDay + days, wall.msOfDay / 60_000, zone), day, zone);
}

function zoned(day: Day, calendar: BusinessCalendar): boolean {
  return day instanceof FeelDateTime && day.zone !== null && calendar.timeZone !== undefined;
}

function notADate(name: string, value: unknown): unknown {
  return invalidArguments(`${name}: ${JSON.stringify(value) ?? String(value)} is not a date`);
}

function guarded(name: string, compute: () => unknown): unknown {
  try {
    return compute();
  } catch (error) {
    return invalidArguments(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
