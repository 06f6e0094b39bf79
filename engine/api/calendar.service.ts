/**
 * Business calendars: working week, working hours in a time zone and holidays, which
 * processes count business time in (`qualflow:calendar`, else the default). Everyone
 * signed in reads them; admins change them. Exactly one calendar is the default: the first
 * one created becomes it, setting another moves it, and the default cannot be deleted.
 */
import type { Diagnostic } from '../compiler/index';
import type { ProcessModel } from '../../workflows/model';
import type { Db } from './context';
import { conflict, notFound } from './errors';
import type { CreateCalendarInput, UpdateCalendarInput } from './schemas/calendar.schemas';

export interface CalendarView {
  id: string;
  name: string;
  timeZone: string;
  workingHours: Record<string, [string, string][]>;
  holidays: { date: string; name?: string }[];
  isDefault: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

interface CalendarRow {
  id: string;
  name: string;
  timeZone: string;
  workingHours: string;
  holidays: string;
  isDefault: boolean;
  updatedAt: Date;
  updatedBy: string | null;
}

function toView(row: CalendarRow): CalendarView {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    workingHours: JSON.parse(row.workingHours) as CalendarView['workingHours'],
    holidays: JSON.parse(row.holidays) as CalendarView['holidays'],
    isDefault: row.isDefault,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** Stored form: weekdays without hours left out, holidays by date. */
function columns(input: UpdateCalendarInput): { timeZone: string; workingHours: string; holidays: string } {
  const hours = Object.fromEntries(Object.entries(input.workingHours).filter(([, ranges]) => (ranges?.length ?? 0) > 0));
  const holidays = [...input.holidays].sort((a, b) => a.date.localeCompare(b.date));
  return { timeZone: input.timeZone, workingHours: JSON.stringify(hours), holidays: JSON.stringify(holidays) };
}

/** Every calendar, the default first, then by name. */
export async function listCalendars(db: Db): Promise<CalendarView[]> {
  const rows = await db.businessCalendar.findMany({ orderBy: [{ isDefault: 'desc' }, { name: 'asc' }] });
  return rows.map(toView);
}

/** The calendar called `name`; 404 when there is none. */
export async function getCalendar(db: Db, name: string): Promise<CalendarView> {
  const row = await db.businessCalendar.findUnique({ where: { name } });
  if (!row) throw notFound(`No business calendar named "${name}"`);
  return toView(row);
}

/** Creates a calendar; the first one, or one asked to be, becomes the default. 409 when the name is taken. */
export async function createCalendar(db: Db, input: CreateCalendarInput, actor: string): Promise<CalendarView> {
  try {
    const row = await db.$transaction(async (tx) => {
      const makeDefault = input.isDefault === true || (await tx.businessCalendar.count()) === 0;
      if (makeDefault) await tx.businessCalendar.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
      return tx.businessCalendar.create({ data: { name: input.name, ...columns(input), isDefault: makeDefault, updatedBy: actor } });
    });
    return toView(row);
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw conflict(`A business calendar named "${input.name}" already exists`);
    throw error;
  }
}

/** Replaces a calendar's time zone, working hours and holidays; runs that start afterwards count on them. */
export async function updateCalendar(db: Db, name: string, input: UpdateCalendarInput, actor: string): Promise<CalendarView> {
  await getCalendar(db, name);
  const row = await db.businessCalendar.update({ where: { name }, data: { ...columns(input), updatedBy: actor } });
  return toView(row);
}

/** Makes `name` the default calendar (and no other). */
export async function setDefaultCalendar(db: Db, name: string, actor: string): Promise<CalendarView> {
  await getCalendar(db, name);
  const row = await db.$transaction(async (tx) => {
    await tx.businessCalendar.updateMany({ where: { isDefault: true, NOT: { name } }, data: { isDefault: false } });
    return tx.businessCalendar.update({ where: { name }, data: { isDefault: true, updatedBy: actor } });
  });
  return toView(row);
}

/**
 * Deletes a calendar. 409 for the default calendar (make another the default first) and
 * for one a deployed process names in `qualflow:calendar` (its instances count on it).
 */
export async function deleteCalendar(db: Db, name: string): Promise<void> {
  const calendar = await getCalendar(db, name);
  if (calendar.isDefault) throw conflict(`"${name}" is the default business calendar; make another calendar the default before deleting it`);
  const users = await processesNaming(db, name);
  if (users.length > 0) {
    throw conflict(`The business calendar "${name}" is used by deployed processes: ${users.join(', ')}`, { processes: users });
  }
  await db.businessCalendar.delete({ where: { name } });
}

/** Keys of deployed process definitions whose model names the calendar. */
async function processesNaming(db: Db, name: string): Promise<string[]> {
  const candidates = await db.definition.findMany({ where: { model: { contains: `"calendar":{"name":${JSON.stringify(name)}` } }, select: { key: true, model: true } });
  const keys = candidates.filter((row) => (JSON.parse(row.model) as { calendar?: { name?: string } }).calendar?.name === name).map((row) => row.key);
  return [...new Set(keys)].sort();
}

/**
 * Deploy-time check of `qualflow:calendar`: an error (on the process element) when the
 * process counts business time on a calendar that does not exist. An error, not a warning:
 * its runs would otherwise count deadlines and timers on the default calendar without anyone
 * noticing. Create the calendar first (POST /api/calendars), then deploy.
 */
export async function checkProcessCalendar(db: Db, model: ProcessModel): Promise<Diagnostic[]> {
  const name = model.calendar?.name;
  if (name === undefined) return [];
  if (await db.businessCalendar.findUnique({ where: { name }, select: { id: true } })) return [];
  const known = (await db.businessCalendar.findMany({ select: { name: true }, orderBy: { name: 'asc' } })).map((row) => row.name);
  const choice = known.length > 0 ? `the calendars are: ${known.join(', ')}` : 'no calendar exists yet';
  return [{ elementId: model.id, message: `The process "${model.id}" counts business time on the calendar "${name}" (qualflow:calendar), which does not exist; ${choice}. Create it under /api/calendars first, or name an existing one` }];
}

const SEED_HOURS: [string, string][] = [['09:00', '17:00']];

/**
 * The demo's default calendar: "germany", Monday to Friday 09:00–17:00 Europe/Berlin, with
 * the nationwide public holidays of 2026 and 2027. Does nothing when any calendar exists.
 */
export async function seedDefaultCalendar(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  if ((await db.businessCalendar.count()) > 0) return;
  const holidays = [
    ['01-01', "New Year's Day"], ['05-01', 'Labour Day'], ['10-03', 'German Unity Day'], ['12-25', 'Christmas Day'], ['12-26', 'Second Day of Christmas'],
  ].flatMap(([day, name]) => ['2026', '2027'].map((year) => ({ date: `${year}-${day}`, name })));
  const movable = [
    ['2026-04-03', 'Good Friday'], ['2026-04-06', 'Easter Monday'], ['2026-05-14', 'Ascension Day'], ['2026-05-25', 'Whit Monday'],
    ['2027-03-26', 'Good Friday'], ['2027-03-29', 'Easter Monday'], ['2027-05-06', 'Ascension Day'], ['2027-05-17', 'Whit Monday'],
  ].map(([date, name]) => ({ date, name }));
  await createCalendar(
    db,
    { name: 'germany', timeZone: 'Europe/Berlin', workingHours: { 1: SEED_HOURS, 2: SEED_HOURS, 3: SEED_HOURS, 4: SEED_HOURS, 5: SEED_HOURS }, holidays: [...holidays, ...movable], isDefault: true },
    'system',
  );
  log('Demo: business calendar germany (default; Mon–Fri 09:00–17:00 Europe/Berlin, public holidays 2026–2027)');
}
