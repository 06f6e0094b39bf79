/**
 * A {@link BusinessCalendar} checked once and turned into lookups: working weekdays,
 * holidays as epoch days, working hours as minute ranges per weekday, and the zone.
 */
import type { BusinessCalendar } from '../business-days';
import { IncidentError } from '../incident-error';
import { instantAt } from './zone';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^(\d{2}):(\d{2})$/;

/** A working period as instants: [start, end) in epoch milliseconds. */
export type Interval = readonly [number, number];

export interface PreparedCalendar {
  readonly zone: string;
  /** ISO weekdays with working time (1 = Monday … 7 = Sunday). */
  readonly weekdays: ReadonlySet<number>;
  /** Epoch day → working periods of that day as instants (empty for a day off). */
  intervalsOn(epochDay: number): readonly Interval[];
  /** True when the day has working time. */
  isWorkingDay(epochDay: number): boolean;
}

const prepared = new WeakMap<BusinessCalendar, PreparedCalendar>();

/**
 * The calendar's lookups (built once per calendar object).
 *
 * @throws IncidentError when the calendar has no working weekday or a malformed holiday or working hour.
 */
export function prepareCalendar(calendar: BusinessCalendar): PreparedCalendar {
  const known = prepared.get(calendar);
  if (known) return known;
  const zone = calendar.timeZone ?? 'UTC';
  const hours = minuteRanges(calendar);
  const weekdays = new Set(calendar.workingWeekdays.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7 && (hours.get(day)?.length ?? 0) > 0));
  if (weekdays.size === 0) throw new IncidentError(`The business calendar${named(calendar)} has no working weekday (expected numbers from 1 = Monday to 7 = Sunday with working hours)`);
  const holidays = new Set(calendar.holidays.map((day) => epochDayOf(day, calendar)));
  const isWorkingDay = (epochDay: number) => weekdays.has(weekdayOf(epochDay)) && !holidays.has(epochDay);
  const result: PreparedCalendar = {
    zone,
    weekdays,
    isWorkingDay,
    intervalsOn(epochDay) {
      if (!isWorkingDay(epochDay)) return [];
      const ranges = hours.get(weekdayOf(epochDay)) ?? [];
      return ranges
        .map(([from, to]): Interval => [instantAt(epochDay, from, zone), instantAt(epochDay, to, zone)])
        .filter(([start, end]) => end > start);
    },
  };
  prepared.set(calendar, result);
  return result;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function parseEpochDay(day: unknown): number | undefined {
  const match = typeof day === 'string' ? ISO_DATE.exec(day) : null;
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, date);
  const check = new Date(time);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date ? time / DAY_MS : undefined;
}

/** Minutes since midnight of `HH:MM` (00:00 to 24:00), or undefined when it is not such a time. */
export function parseWallTime(text: unknown): number | undefined {
  const match = typeof text === 'string' ? WALL_TIME.exec(text) : null;
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return undefined;
  return hour * 60 + minute;
}

/** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** Weekday → sorted, merged minute ranges; without `workingHours` every weekday is worked all day. */
function minuteRanges(calendar: BusinessCalendar): Map<number, [number, number][]> {
  const result = new Map<number, [number, number][]>();
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    if (!calendar.workingHours) {
      result.set(weekday, [[0, 1440]]);
      continue;
    }
    const ranges = (calendar.workingHours[String(weekday)] ?? []).map(([fromText, toText]): [number, number] => {
      const [from, to] = [parseWallTime(fromText), parseWallTime(toText)];
      if (from === undefined || to === undefined || from >= to) {
        throw new IncidentError(`The business calendar${named(calendar)} has working hours "${fromText}"–"${toText}" on weekday ${weekday}; expected HH:MM times with the start before the end`);
      }
      return [from, to];
    });
    result.set(weekday, merge(ranges));
  }
  return result;
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function epochDayOf(day: string, calendar: BusinessCalendar): number {
  const epochDay = parseEpochDay(day);
  if (epochDay === undefined) throw new IncidentError(`The business calendar${named(calendar)} has the holiday "${String(day)}", which is not a calendar date (expected YYYY-MM-DD)`);
  return epochDay;
}

function named(calendar: BusinessCalendar): string {
  return calendar.name ? ` "${calendar.name}"` : '';
}
