import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../engine/api/calendar.service';
import { createTestDb, type TestDb } from '../../test/support/db';
import { BUILT_IN_CALENDAR, loadCalendar } from '../calendars';

describe('loadCalendar', () => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.cleanup());

  it('counts on the built-in Monday–Friday 09:00–17:00 UTC calendar while none is stored', async () => {
    // when
    const calendar = await loadCalendar({ db: testDb.db }, {});
    // then
    expect(calendar).toEqual(BUILT_IN_CALENDAR);
  });

  it('loads the named calendar with its working weekdays, hours, zone and holiday dates', async () => {
    // given
    await createCalendar(testDb.db, { name: 'main', timeZone: 'UTC', workingHours: { 1: [['08:00', '16:00']] }, holidays: [] }, 'admin');
    await createCalendar(testDb.db, { name: 'berlin', timeZone: 'Europe/Berlin', workingHours: { 2: [['09:00', '12:00'], ['13:00', '17:00']], 6: [['10:00', '14:00']] }, holidays: [{ date: '2026-12-25', name: 'Christmas Day' }] }, 'admin');
    // when
    const calendar = await loadCalendar({ db: testDb.db }, { name: 'berlin' });
    // then
    expect(calendar).toEqual({
      name: 'berlin',
      timeZone: 'Europe/Berlin',
      workingWeekdays: [2, 6],
      workingHours: { 2: [['09:00', '12:00'], ['13:00', '17:00']], 6: [['10:00', '14:00']] },
      holidays: ['2026-12-25'],
    });
  });

  it('falls back to the default calendar when the named one no longer exists', async () => {
    // when
    const calendar = await loadCalendar({ db: testDb.db }, { name: 'deleted' });
    // then the first calendar stored became the default
    expect(calendar.name).toBe('main');
  });
});
