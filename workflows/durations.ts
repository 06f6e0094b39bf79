/**
 * ISO 8601 durations and date-times for timers, due dates and follow-up dates. Pure
 * functions over an explicit `now`, so they are deterministic inside the workflow and
 * easy to test on their own.
 */
import { IncidentError } from './incident-error';

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses `P1Y2M3DT4H5M6S`, `P2W`, `PT2S`...; returns undefined when `text` is not such a duration. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const match = DURATION.exec(text.trim().toUpperCase());
  if (!match || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase().endsWith('T')) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => (part ? Number(part.replace(',', '.')) : 0));
  return { years, months, weeks, days, hours, minutes, seconds };
}

/** Adds a duration to a point in time: years and months by the calendar (UTC, clamped to the month's last day), the rest exactly. */
export function addDuration(from: Date, duration: IsoDuration): Date {
  const result = new Date(from.getTime());
  const months = Math.trunc(duration.years * 12 + duration.months);
  if (months !== 0) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + months);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  const days = duration.weeks * 7 + duration.days;
  const ms = ((days * 24 + duration.hours) * 60 + duration.minutes) * 60_000 + duration.seconds * 1000;
  return new Date(result.getTime() + Math.round(ms));
}

/**
 * Milliseconds from `now` until a timer given as an ISO duration fires (never negative).
 *
 * @throws IncidentError when `value` is not an ISO 8601 duration.
 */
export function timerDelayMs(value: unknown, now: Date, what: string): number {
  const duration = typeof value === 'string' ? parseIsoDuration(value) : undefined;
  if (!duration) throw new IncidentError(`${what} must be an ISO 8601 duration such as PT2S or P3D, got ${JSON.stringify(value)}`);
  return Math.max(0, addDuration(now, duration).getTime() - now.getTime());
}

/**
 * Resolves a due or follow-up date: an ISO date-time (a missing zone means UTC), an ISO
 * date (midnight UTC) or an ISO duration counted from `now`. Returns an ISO string, or
 * undefined for null/empty.
 *
 * @throws IncidentError for anything else.
 */
export function resolveDateTime(value: unknown, now: Date, what: string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    const duration = parseIsoDuration(text);
    if (duration) return addDuration(now, duration).toISOString();
    const date = parseIsoDateTime(text);
    if (date) return date.toISOString();
  }
  throw new IncidentError(`${what} must be an ISO 8601 date-time or duration, got ${JSON.stringify(value)}`);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

function parseIsoDateTime(text: string): Date | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, day, time = '00:00:00', zone = 'Z'] = match;
  const offset = /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone.toUpperCase();
  const date = new Date(`${day}T${time}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
