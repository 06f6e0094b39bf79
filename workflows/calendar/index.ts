/**
 * Business calendars: working weekdays, working hours per weekday in an IANA time zone
 * (daylight-saving changes included) and holidays, and working-time arithmetic over them.
 */
export { addWorkingDays, addWorkingDuration, addWorkingMs, isWorkingTime, nextWorkingInstant, previousWorkingInstant, subtractWorkingDuration, subtractWorkingMs } from './working-time';
export { parseEpochDay, parseWallTime, prepareCalendar } from './prepared';
export { instantAt, isTimeZone, wallClockAt } from './zone';
