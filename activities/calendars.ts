/**
 * Business calendars as the workflow uses them: the stored BusinessCalendar row (JSON
 * working hours and holidays) mapped to a {@link BusinessCalendar}, and `loadCalendar`,
 * which a run that counts business time calls once at its start.
 */
import { Context } from '@temporalio/activity';
import type { BusinessCalendar } from '../workflows/business-days';
import type { ActivityDependencies } from './dependencies';
import type { LoadCalendarInput } from './types';

const nineToFive = [['09:00', '17:00']] as const;

/** Used when no calendar is stored at all: Monday to Friday, 09:00–17:00 UTC, no holidays. */
export const BUILT_IN_CALENDAR: BusinessCalendar = Object.freeze({
  name: 'default',
  timeZone: 'UTC',
  workingWeekdays: [1, 2, 3, 4, 5],
  workingHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: [],
});

/** The columns of a stored calendar that the workflow needs. */
export interface CalendarRow {
  name: string;
  timeZone: string;
  workingHours: string;
  holidays: string;
}

/** A stored calendar as the workflow counts on it: the weekdays with working hours are the working weekdays. */
export function toBusinessCalendar(row: CalendarRow): BusinessCalendar {
  const workingHours = JSON.parse(row.workingHours) as Record<string, [string, string][]>;
  const holidays = JSON.parse(row.holidays) as { date: string }[];
  return {
    name: row.name,
    timeZone: row.timeZone,
    workingWeekdays: Object.entries(workingHours)
      .filter(([, ranges]) => ranges.length > 0)
      .map(([weekday]) => Number(weekday))
      .sort((a, b) => a - b),
    workingHours,
    holidays: holidays.map((holiday) => holiday.date).sort(),
  };
}

const select = { name: true, timeZone: true, workingHours: true, holidays: true } as const;

/**
 * The calendar named `input.name`, else the default one (also when the named calendar was
 * deleted since deploy: the run goes on with the default and the worker log says so), else
 * the built-in Monday–Friday 09:00–17:00 UTC calendar.
 */
export async function loadCalendar({ db }: ActivityDependencies, input: LoadCalendarInput): Promise<BusinessCalendar> {
  if (input.name !== undefined) {
    const named = await db.businessCalendar.findUnique({ where: { name: input.name }, select });
    if (named) return toBusinessCalendar(named);
    warn(`The business calendar "${input.name}" does not exist (any more); counting on the default calendar instead`);
  }
  const fallback = await db.businessCalendar.findFirst({ where: { isDefault: true }, select });
  return fallback ? toBusinessCalendar(fallback) : BUILT_IN_CALENDAR;
}

function warn(message: string): void {
  try {
    Context.current().log.warn(message);
  } catch {
    console.warn(message);
  }
}
