/**
 * Working-time arithmetic on instants (epoch milliseconds): the calendar's working hours
 * on its working days, in its time zone, skipping its holidays. Durations count only
 * working time: PT4H is four working hours, P2D two working days (the same time of day two
 * working days later). Pure and deterministic, so the workflow uses it for timers and FEEL.
 */
import type { BusinessCalendar } from '../business-days';
import type { IsoDuration } from '../durations';
import { IncidentError } from '../incident-error';
import { prepareCalendar, type Interval, type PreparedCalendar } from './prepared';
import { instantAt, wallClockAt } from './zone';

/** How far a search for working time looks before it gives up (about 270 years). */
const MAX_DAYS_SCANNED = 100_000;
const MINUTE_MS = 60_000;

/** True when `instant` lies in a working period of `calendar` (start included, end not). */
export function isWorkingTime(instant: number, calendar: BusinessCalendar): boolean {
  const prepared = prepareCalendar(calendar);
  return prepared.intervalsOn(wallClockAt(instant, prepared.zone).epochDay).some(([start, end]) => instant >= start && instant < end);
}

/** `instant` itself when it is working time, otherwise the start of the next working period. */
export function nextWorkingInstant(instant: number, calendar: BusinessCalendar): number {
  return addWorkingMs(instant, 0, calendar);
}

/** `instant` itself when it is working time or a period's end, otherwise the end of the previous working period. */
export function previousWorkingInstant(instant: number, calendar: BusinessCalendar): number {
  return subtractWorkingMs(instant, 0, calendar);
}

/**
 * The instant `ms` milliseconds of working time after `instant`. Landing exactly on the end
 * of a working period gives that end (a deadline at 17:00, not at 09:00 the next day).
 *
 * @throws IncidentError when the calendar is malformed or has no working time ahead.
 */
export function addWorkingMs(instant: number, ms: number, calendar: BusinessCalendar): number {
  const prepared = prepareCalendar(calendar);
  let remaining = ms;
  for (const [start, end] of periodsFrom(prepared, instant, 1)) {
    if (end <= instant) continue;
    const from = Math.max(instant, start);
    if (remaining <= end - from) return from + remaining;
    remaining -= end - from;
  }
  throw noWorkingTime(calendar);
}

/**
 * The instant `ms` milliseconds of working time before `instant`; landing exactly on the
 * start of a working period gives that start.
 *
 * @throws IncidentError when the calendar is malformed or has no working time before.
 */
export function subtractWorkingMs(instant: number, ms: number, calendar: BusinessCalendar): number {
  const prepared = prepareCalendar(calendar);
  let remaining = ms;
  for (const [start, end] of periodsFrom(prepared, instant, -1)) {
    if (start >= instant) continue;
    const to = Math.min(instant, end);
    if (remaining <= to - start) return to - remaining;
    remaining -= to - start;
  }
  throw noWorkingTime(calendar);
}

/**
 * The instant `days` working days after `instant` (before it when negative): the same wall
 * time of day on the working day `days` steps away. An instant outside working time first
 * moves to the next working instant (the previous one when going back), so Saturday 10:00
 * plus one working day is Tuesday at the start of work; a result outside that day's hours
 * moves on the same way.
 *
 * @throws IncidentError when `days` is not a whole number within ±100,000 or the calendar is malformed.
 */
export function addWorkingDays(instant: number, days: number, calendar: BusinessCalendar): number {
  if (!Number.isInteger(days) || Math.abs(days) > MAX_DAYS_SCANNED) {
    throw new IncidentError(`The number of working days must be a whole number between -${MAX_DAYS_SCANNED} and ${MAX_DAYS_SCANNED}, not ${days}`);
  }
  const prepared = prepareCalendar(calendar);
  const forward = days >= 0;
  const start = forward ? nextWorkingInstant(instant, calendar) : previousWorkingInstant(instant, calendar);
  const wall = wallClockAt(start, prepared.zone);
  // A period's end (17:00) going back belongs to the day it ends.
  let day = wall.epochDay;
  const step = forward ? 1 : -1;
  for (let remaining = Math.abs(days); remaining > 0;) {
    day += step;
    if (prepared.isWorkingDay(day)) remaining -= 1;
  }
  const landed = instantAt(day, wall.msOfDay / MINUTE_MS, prepared.zone);
  return forward ? nextWorkingInstant(landed, calendar) : previousWorkingInstant(landed, calendar);
}

/**
 * Adds an ISO 8601 duration counted in working time: weeks and days as working days (a
 * week is as many working days as the calendar has working weekdays), then hours, minutes
 * and seconds as working time. Zero gives the next working instant.
 *
 * @throws IncidentError for years or months (not working time), fractional days, or a malformed calendar.
 */
export function addWorkingDuration(instant: number, duration: IsoDuration, calendar: BusinessCalendar): number {
  const { days, ms } = workingParts(duration, calendar);
  return addWorkingMs(days === 0 ? instant : addWorkingDays(instant, days, calendar), ms, calendar);
}

/**
 * Subtracts an ISO 8601 duration counted in working time (the mirror of {@link addWorkingDuration}):
 * working hours first, then working days.
 *
 * @throws IncidentError as {@link addWorkingDuration}.
 */
export function subtractWorkingDuration(instant: number, duration: IsoDuration, calendar: BusinessCalendar): number {
  const { days, ms } = workingParts(duration, calendar);
  const back = subtractWorkingMs(instant, ms, calendar);
  return days === 0 ? back : addWorkingDays(back, -days, calendar);
}

function workingParts(duration: IsoDuration, calendar: BusinessCalendar): { days: number; ms: number } {
  if (duration.years !== 0 || duration.months !== 0) {
    throw new IncidentError('A working-time duration cannot have years or months (they are not working time); give working days, e.g. P20D');
  }
  const days = duration.weeks * prepareCalendar(calendar).weekdays.size + duration.days;
  if (!Number.isInteger(days)) throw new IncidentError(`A working-time duration needs whole working days, not ${days}; give the rest in hours, e.g. P1DT4H`);
  const ms = Math.round(((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000);
  return { days, ms };
}

/** Working periods day by day from the day of `instant`, forwards or backwards. */
function* periodsFrom(prepared: PreparedCalendar, instant: number, step: 1 | -1): Generator<Interval> {
  const first = wallClockAt(instant, prepared.zone).epochDay;
  for (let offset = 0; offset <= MAX_DAYS_SCANNED; offset += 1) {
    const periods = prepared.intervalsOn(first + step * offset);
    yield* step === 1 ? periods : [...periods].reverse();
  }
}

function noWorkingTime(calendar: BusinessCalendar): IncidentError {
  return new IncidentError(`The business calendar${calendar.name ? ` "${calendar.name}"` : ''} has no working time within ${MAX_DAYS_SCANNED} days`);
}
