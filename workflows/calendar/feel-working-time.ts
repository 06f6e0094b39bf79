/**
 * FEEL functions over working time (hours and days of the business calendar, in its time
 * zone):
 *
 * - `add working days(date or date-time, days)`: a date gives the date `days` working days
 *   later; a date-time the same time of day on that working day (moved to the next working
 *   instant first when it is outside working hours). Negative `days` count back.
 * - `add working time(date or date-time, duration)`: a duration (`duration("PT4H")` or
 *   `"P2D"`) of working time later; a negative one counts back.
 * - `is working time(date-time)`: whether the calendar is working at that instant.
 * - `next working time(date-time)`: the instant itself when working, else the start of the next working period.
 */
import { FeelDate, FeelDateTime, FeelFunction } from 'feelin';
import type { BusinessCalendar } from '../business-days';
import { parseIsoDuration } from '../durations';
import { invalidArguments, isNil } from '../feel-values';
import { addWorkingDays, addWorkingDuration, isWorkingTime, nextWorkingInstant, subtractWorkingDuration } from './working-time';
import { dateTimeLike, instantOf, signedDuration } from './feel-instants';

type Day = FeelDate | FeelDateTime;

/** The working-time FEEL functions on `calendar`; `toDay` reads dates, date-times and ISO strings. */
export function workingTimeFunctions(calendar: BusinessCalendar, toDay: (value: unknown) => Day | undefined, addDays: (date: FeelDate, days: number) => unknown): Record<string, FeelFunction> {
  const zone = calendar.timeZone ?? 'UTC';
  const instant = (name: string, value: unknown, compute: (day: Day) => unknown) => {
    if (isNil(value)) return null;
    const day = toDay(value);
    if (!day) return invalidArguments(`${name}: ${JSON.stringify(value) ?? String(value)} is not a date or date-time`);
    return guarded(name, () => compute(day));
  };
  return {
    'add working days': new FeelFunction((date: unknown, days: unknown) => {
      if (isNil(days)) return null;
      if (typeof days !== 'number' || !Number.isInteger(days)) return invalidArguments(`add working days: "days" must be a whole number, not ${String(days)}`);
      return instant('add working days', date, (day) =>
        day instanceof FeelDate ? addDays(day, days) : dateTimeLike(addWorkingDays(instantOf(day, zone), days, calendar), day, zone),
      );
    }, ['date', 'days']),
    'add working time': new FeelFunction((date: unknown, duration: unknown) => {
      if (isNil(duration)) return null;
      const signed = signedDuration(duration, parseIsoDuration);
      if (!signed) return invalidArguments(`add working time: ${JSON.stringify(duration) ?? String(duration)} is not a duration`);
      return instant('add working time', date, (day) => {
        const from = instantOf(day, zone);
        const at = signed.sign > 0 ? addWorkingDuration(from, signed.duration, calendar) : subtractWorkingDuration(from, signed.duration, calendar);
        return dateTimeLike(at, day, zone);
      });
    }, ['date', 'duration']),
    'is working time': new FeelFunction((date: unknown) => instant('is working time', date, (day) => isWorkingTime(instantOf(day, zone), calendar)), ['date']),
    'next working time': new FeelFunction(
      (date: unknown) => instant('next working time', date, (day) => dateTimeLike(nextWorkingInstant(instantOf(day, zone), calendar), day, zone)),
      ['date'],
    ),
  };
}

function guarded(name: string, compute: () => unknown): unknown {
  try {
    return compute();
  } catch (error) {
    return invalidArguments(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
