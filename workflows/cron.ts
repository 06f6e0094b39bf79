/**
 * Cron expressions as Zeebe accepts them for timer cycles (Spring style): six fields,
 * `second minute hour day-of-month month day-of-week`, each `*`, `?`, a value, a range
 * `a-b`, a step `*\/n`, `a/n` or `a-b/n`, or a comma list of those; months and weekdays
 * also by name (JAN, MON; Sunday is 0 or 7), and the macros `@yearly`, `@monthly`,
 * `@weekly`, `@daily`, `@hourly`. As in Spring, a time matches when every field matches
 * (day-of-month and day-of-week both). Evaluated in UTC. Pure and deterministic.
 */

export interface Cron {
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** True when day-of-month or day-of-week is unrestricted (`*` or `?`). */
  anyDay: boolean;
  anyWeekday: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

/** Day-of-week 7 is Sunday too. */
function sundayAsZero(values: Set<number> | undefined): Set<number> | undefined {
  if (!values?.has(7)) return values;
  values.delete(7);
  values.add(0);
  return values;
}

/** Parses a six-field cron expression; undefined when it is not one. */
export function parseCron(expression: string): Cron | undefined {
  const trimmed = expression.trim();
  const fields = (MACROS[trimmed.toLowerCase()] ?? trimmed).split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [second, minute, hour, day, month, weekday] = fields;
  const parsed = {
    seconds: parseField(second, 0, 59),
    minutes: parseField(minute, 0, 59),
    hours: parseField(hour, 0, 23),
    days: parseField(day, 1, 31),
    months: parseField(month.toUpperCase(), 1, 12, MONTHS, 1),
    weekdays: sundayAsZero(parseField(weekday.toUpperCase(), 0, 7, WEEKDAYS, 0)),
  };
  if (Object.values(parsed).some((set) => set === undefined)) return undefined;
  return { ...(parsed as Omit<Cron, 'anyDay' | 'anyWeekday'>), anyDay: day === '*' || day === '?', anyWeekday: weekday === '*' || weekday === '?' };
}

function parseField(field: string, min: number, max: number, names: string[] = [], nameBase = 0): Set<number> | undefined {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let from: number;
    let to: number;
    if (range === '*' || range === '?') {
      [from, to] = [min, max];
    } else {
      const [a, b] = range.split('-');
      from = value(a, names, nameBase);
      to = b === undefined ? (stepText === undefined ? from : max) : value(b, names, nameBase);
    }
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < min || to > max || from > to) return undefined;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

function value(text: string, names: string[], base: number): number {
  const index = names.indexOf(text);
  return index >= 0 ? index + base : /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** The first time strictly after `after` (whole seconds, UTC) that matches, within five years; else undefined. */
export function nextCronTime(cron: Cron, after: Date): Date | undefined {
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() <= limit) {
    if (!cron.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0);
    } else if (!dayMatches(cron, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0);
    } else if (!cron.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0);
    } else if (!cron.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0);
    } else if (!cron.seconds.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1);
    } else {
      return t;
    }
  }
  return undefined;
}

function dayMatches(cron: Cron, t: Date): boolean {
  return cron.days.has(t.getUTCDate()) && cron.weekdays.has(t.getUTCDay());
}
