import { z } from 'zod';
import { isTimeZone, parseEpochDay, parseWallTime } from '../../../workflows/calendar/index';

export const CALENDAR_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const WallTime = z.string().refine((text) => parseWallTime(text) !== undefined, 'must be a time HH:MM from 00:00 to 24:00');

const HourRange = z
  .tuple([WallTime, WallTime])
  .refine(([from, to]) => (parseWallTime(from) ?? 0) < (parseWallTime(to) ?? 0), 'the start ("from") must be before the end ("to")');

const DayHours = z.array(HourRange).max(12);

/** Working hours per ISO weekday: "1" = Monday … "7" = Sunday; a weekday left out (or empty) is a day off. */
export const WorkingHoursSchema = z
  .strictObject({ 1: DayHours.optional(), 2: DayHours.optional(), 3: DayHours.optional(), 4: DayHours.optional(), 5: DayHours.optional(), 6: DayHours.optional(), 7: DayHours.optional() })
  .refine((hours) => Object.values(hours).some((ranges) => (ranges?.length ?? 0) > 0), 'at least one weekday needs working hours')
  .meta({ id: 'WorkingHours', description: 'Working hours per ISO weekday ("1" = Monday … "7" = Sunday) as [from, to] pairs of HH:MM in the calendar\'s time zone' });

export const HolidaySchema = z
  .strictObject({
    date: z.string().refine((text) => parseEpochDay(text) !== undefined, 'must be a real calendar date YYYY-MM-DD'),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .meta({ id: 'Holiday' });

const Holidays = z
  .array(HolidaySchema)
  .max(2000)
  .refine((holidays) => new Set(holidays.map((holiday) => holiday.date)).size === holidays.length, 'each date may be listed once');

const TimeZone = z.string().max(100).refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin');

/** What an admin sends to create a calendar. */
export const CreateCalendarBody = z.strictObject({
  name: z.string().regex(CALENDAR_NAME_PATTERN, 'letters, digits and . _ - (at most 64)'),
  timeZone: TimeZone,
  workingHours: WorkingHoursSchema,
  holidays: Holidays.default([]),
  /** Make it the default calendar (the first calendar always is). */
  isDefault: z.boolean().optional(),
});
export type CreateCalendarInput = z.output<typeof CreateCalendarBody>;

/** What an admin sends to change a calendar (the name stays: processes refer to it). */
export const UpdateCalendarBody = CreateCalendarBody.omit({ name: true, isDefault: true });
export type UpdateCalendarInput = z.output<typeof UpdateCalendarBody>;

export const CalendarNameParams = z.object({ name: z.string().regex(CALENDAR_NAME_PATTERN, 'a calendar name') });

export const CalendarSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    workingHours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
    holidays: z.array(HolidaySchema),
    isDefault: z.boolean(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'BusinessCalendar' });

export const CalendarList = z.object({ items: z.array(CalendarSchema), total: z.number().int() });
