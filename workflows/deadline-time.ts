/**
 * Counting a deadline's durations (due in, remind before, escalate after) from an instant,
 * in elapsed time or in working time of the run's business calendar (workflows/calendar).
 * One function, {@link shiftTime}, so every deadline computation counts the same way.
 */
import { DEFAULT_BUSINESS_CALENDAR, type BusinessCalendar } from './business-days';
import { addWorkingDuration, subtractWorkingDuration } from './calendar';
import { addDuration, parseIsoDuration, type IsoDuration } from './durations';
import { IncidentError } from './incident-error';
import type { TimeBasis } from './model';

/** The calendar a run counts working time in: the one it loaded at start, else the default (Monday–Friday). */
export function runCalendar(runtime: { calendar?: BusinessCalendar }): BusinessCalendar {
  return runtime.calendar ?? DEFAULT_BUSINESS_CALENDAR;
}

/**
 * The instant `duration` after `from` (`direction` 1) or before it (-1), counted as
 * `basis`: elapsed wall time, or working time of `calendar` (working days and hours).
 *
 * @throws IncidentError when `duration` is not an ISO 8601 duration, or is not working time (years, months).
 */
export function shiftTime(from: Date, duration: string, basis: TimeBasis, direction: 1 | -1, calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR): Date {
  const parsed = parseIsoDuration(duration);
  if (!parsed) throw new IncidentError(`"${duration}" is not an ISO 8601 duration`);
  if (basis === 'elapsed') return addDuration(from, direction === 1 ? parsed : negated(parsed));
  const shift = direction === 1 ? addWorkingDuration : subtractWorkingDuration;
  return new Date(shift(from.getTime(), parsed, calendar));
}

function negated(duration: IsoDuration): IsoDuration {
  const result = { ...duration };
  for (const key of Object.keys(result) as (keyof IsoDuration)[]) result[key] = -result[key];
  return result;
}
