/**
 * Wall clocks in IANA time zones, with nothing but `Intl` (deterministic: the zone rules
 * ship with the runtime, no clock is read). Calendar days are counted as days since
 * 1970-01-01 ("epoch days") and times of day as minutes since midnight.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A calendar day and a time of day as a wall clock in some zone shows them. */
export interface WallClock {
  /** Days since 1970-01-01 of the wall clock's date. */
  epochDay: number;
  /** Milliseconds since the wall clock's midnight. */
  msOfDay: number;
}

const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when `zone` is an IANA time zone the runtime knows (`Europe/Berlin`, `UTC`; not a bare offset). */
export function isTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What the wall clock in `zone` (an IANA id, `UTC`, or a fixed offset such as `+02:00`) shows at `instant` (epoch milliseconds).
 *
 * @throws RangeError when `zone` is not a time zone.
 */
export function wallClockAt(instant: number, zone: string): WallClock {
  const local = instant + offsetAt(instant, zone);
  const epochDay = Math.floor(local / DAY_MS);
  return { epochDay, msOfDay: local - epochDay * DAY_MS };
}

/**
 * The instant at which the wall clock in `zone` shows `minuteOfDay` on `epochDay`
 * (`minuteOfDay` may be 1440: the next midnight). A wall time that a daylight-saving change
 * skips resolves past the gap (02:30 on a spring-forward night is 03:30); one that happens
 * twice resolves to the earlier instant.
 */
export function instantAt(epochDay: number, minuteOfDay: number, zone: string): number {
  const wall = epochDay * DAY_MS + minuteOfDay * MINUTE_MS;
  const before = offsetAt(wall - DAY_MS / 2, zone);
  const after = offsetAt(wall + DAY_MS / 2, zone);
  const early = wall - before;
  if (before === after || offsetAt(early, zone) === before) return early;
  const late = wall - after;
  // In a gap neither reading is consistent; the earlier-offset reading lies past the gap.
  return offsetAt(late, zone) === after ? late : early;
}

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
export function offsetAt(instant: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Z') return 0;
  const fixed = FIXED_OFFSET.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * MINUTE_MS;
  const parts = formatter(zone).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const shown = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return shown - Math.floor(instant / 1000) * 1000;
}

/** 1 = Monday … 7 = Sunday of an epoch day (1970-01-01 was a Thursday). */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** `YYYY-MM-DD` of an epoch day. */
export function isoDateOf(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

function formatter(zone: string): Intl.DateTimeFormat {
  let known = formatters.get(zone);
  if (!known) {
    known = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, known);
  }
  return known;
}
