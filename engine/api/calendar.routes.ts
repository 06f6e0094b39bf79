import {
  createCalendar,
  deleteCalendar,
  getCalendar,
  listCalendars,
  setDefaultCalendar,
  updateCalendar,
} from './calendar.service';
import { route, type AnyRoute } from './route';
import { CalendarList, CalendarNameParams, CalendarSchema, CreateCalendarBody, UpdateCalendarBody } from './schemas/calendar.schemas';
import { ErrorSchema } from './schemas/common.schemas';

const invalid = { description: 'Invalid input (details name each field: time zone, working hours, holiday dates)', schema: ErrorSchema };
const missing = { description: 'No calendar with that name', schema: ErrorSchema };

/** Business calendars: working week, hours, time zone and holidays that business time counts on. */
export function calendarRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/calendars',
      summary: 'All business calendars, the default first',
      tag: 'calendars',
      access: 'user',
      responses: { 200: { description: 'Calendars', schema: CalendarList } },
      async handle({ deps }) {
        const items = await listCalendars(deps.db);
        return { body: { items, total: items.length } };
      },
    }),
    route({
      method: 'get',
      path: '/calendars/:name',
      summary: 'One business calendar',
      tag: 'calendars',
      access: 'user',
      params: CalendarNameParams,
      responses: { 200: { description: 'The calendar', schema: CalendarSchema }, 404: missing },
      async handle({ deps, params }) {
        return { body: await getCalendar(deps.db, params.name) };
      },
    }),
    route({
      method: 'post',
      path: '/calendars',
      summary: 'Create a business calendar (the first one becomes the default)',
      tag: 'calendars',
      access: ['admin'],
      body: CreateCalendarBody,
      responses: {
        201: { description: 'Created', schema: CalendarSchema },
        400: invalid,
        409: { description: 'The name is taken', schema: ErrorSchema },
      },
      async handle({ deps, user, body }) {
        return { status: 201, body: await createCalendar(deps.db, body, user.username) };
      },
    }),
    route({
      method: 'put',
      path: '/calendars/:name',
      summary: "Replace a calendar's time zone, working hours and holidays (runs starting afterwards use them)",
      tag: 'calendars',
      access: ['admin'],
      params: CalendarNameParams,
      body: UpdateCalendarBody,
      responses: { 200: { description: 'The calendar', schema: CalendarSchema }, 400: invalid, 404: missing },
      async handle({ deps, user, params, body }) {
        return { body: await updateCalendar(deps.db, params.name, body, user.username) };
      },
    }),
    route({
      method: 'post',
      path: '/calendars/:name/default',
      summary: 'Make this the default calendar (processes that name none count on it)',
      tag: 'calendars',
      access: ['admin'],
      params: CalendarNameParams,
      responses: { 200: { description: 'The new default calendar', schema: CalendarSchema }, 404: missing },
      async handle({ deps, user, params }) {
        return { body: await setDefaultCalendar(deps.db, params.name, user.username) };
      },
    }),
    route({
      method: 'delete',
      path: '/calendars/:name',
      summary: 'Delete a calendar that is neither the default nor named by a deployed process',
      tag: 'calendars',
      access: ['admin'],
      params: CalendarNameParams,
      responses: {
        204: { description: 'Deleted' },
        404: missing,
        409: { description: 'The default calendar, or one a deployed process uses', schema: ErrorSchema },
      },
      async handle({ deps, params }) {
        await deleteCalendar(deps.db, params.name);
        return { status: 204 };
      },
    }),
  ];
}
