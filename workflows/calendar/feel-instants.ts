/**
 * FEEL temporal values ↔ instants. A date-time with a zone (`Z`, an offset or an IANA id)
 * is that instant; a local date-time (no zone) and a date are read on the calendar's wall
 * clock. Results go back in the zone of the value they came from, so a due date computed
 * from `now()` stays an ISO date-time with its offset; a result from a date carries the
 * calendar zone's offset.
 */
import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import type { IsoDuration } from '../durations';
import { instantAt, wallClockAt } from './zone';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The instant of a FEEL date (its midnight) or date-time, reading zone-less values in `calendarZone`. */
export function instantOf(value: FeelDate | FeelDateTime, calendarZone: string): number {
  const epochDay = Date.UTC(value.year, value.month - 1, value.day) / DAY_MS;
  if (value instanceof FeelDate) return instantAt(epochDay, 0, calendarZone);
  const time = value.unwrap();
  const msOfDay = ((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + time.millisecond;
  return instantAt(epochDay, msOfDay / MINUTE_MS, zoneOf(value, calendarZone));
}

/** `instant` as a FEEL date-time in the zone of `like` (a local one on the calendar's wall clock). */
export function dateTimeLike(instant: number, like: FeelDate | FeelDateTime, calendarZone: string): FeelDateTime {
  const zone = like instanceof FeelDateTime ? zoneOf(like, calendarZone) : calendarZone;
  const wall = wallClockAt(instant, zone);
  const date = new Date(wall.epochDay * DAY_MS + wall.msOfDay);
  const fields = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
  if (like instanceof FeelDateTime) return new FeelDateTime(like.unwrap().with(fields), like.zone);
  // A date has no zone to keep: the result carries the calendar zone's offset at that instant.
  const midnight = like.unwrap().toPlainDateTime();
  return new FeelDateTime(midnight.with(fields), offsetText(wall.epochDay * DAY_MS + wall.msOfDay - instant));
}

function offsetText(offsetMs: number): string {
  if (offsetMs === 0) return 'UTC';
  const minutes = Math.abs(offsetMs) / MINUTE_MS;
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

/** A FEEL duration (or ISO text) as a sign and an {@link IsoDuration} of its magnitude; undefined for anything else. */
export function signedDuration(value: unknown, parse: (text: string) => IsoDuration | undefined): { sign: 1 | -1; duration: IsoDuration } | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    const negative = text.startsWith('-');
    const duration = parse(negative ? text.slice(1) : text);
    return duration ? { sign: negative ? -1 : 1, duration } : undefined;
  }
  if (!(value instanceof FeelDuration)) return undefined;
  const raw = value.value;
  const abs = (n: number | undefined) => Math.abs(n ?? 0);
  return {
    sign: raw.sign < 0 ? -1 : 1,
    duration: {
      years: abs(raw.years),
      months: abs(raw.months),
      weeks: abs(raw.weeks),
      days: abs(raw.days),
      hours: abs(raw.hours),
      minutes: abs(raw.minutes),
      seconds: abs(raw.seconds) + abs(raw.milliseconds) / 1000,
    },
  };
}

function zoneOf(value: FeelDateTime, calendarZone: string): string {
  return value.zone ?? calendarZone;
}
