import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../business-days';
import { parseIsoDuration } from '../../durations';
import { IncidentError } from '../../incident-error';
import { addWorkingDays, addWorkingDuration, isWorkingTime, nextWorkingInstant, subtractWorkingDuration } from '../working-time';

const nineToFive = [['09:00', '17:00']] as const;

/** Germany-like: Mon–Fri 09:00–17:00 in Berlin, Good Friday and Easter Monday 2026 off. */
const berlin: BusinessCalendar = {
  name: 'germany',
  timeZone: 'Europe/Berlin',
  workingWeekdays: [1, 2, 3, 4, 5],
  workingHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: ['2026-04-03', '2026-04-06'],
};

function add(from: string, duration: string, calendar: BusinessCalendar = berlin): string {
  return new Date(addWorkingDuration(Date.parse(from), parseIsoDuration(duration)!, calendar)).toISOString();
}

function subtract(from: string, duration: string, calendar: BusinessCalendar = berlin): string {
  return new Date(subtractWorkingDuration(Date.parse(from), parseIsoDuration(duration)!, calendar)).toISOString();
}

describe('working time across weekends', () => {
  it('carries working hours left on Friday afternoon over to Monday morning', () => {
    // given Friday 2026-03-20 15:00 in Berlin (CET, UTC+1)
    // when four working hours are added
    const due = add('2026-03-20T14:00:00Z', 'PT4H');
    // then two hours are left for Monday: 11:00 CET
    expect(due).toBe('2026-03-23T10:00:00.000Z');
  });

  it('moves a start on Saturday to the start of work on Monday before counting', () => {
    // given Saturday 2026-03-21 10:00 in Berlin
    // when one working hour is added
    const due = add('2026-03-21T09:00:00Z', 'PT1H');
    // then Monday 10:00 CET
    expect(due).toBe('2026-03-23T09:00:00.000Z');
  });

  it('counts working days as the same time of day on the next working days', () => {
    // given Thursday 2026-03-19 14:30 CET
    // when two working days are added
    const due = add('2026-03-19T13:30:00Z', 'P2D');
    // then Monday 14:30 CET (Saturday and Sunday skipped)
    expect(due).toBe('2026-03-23T13:30:00.000Z');
  });

  it('counts a working week as five working days', () => {
    // given Wednesday 2026-03-18 10:00 CET
    // when one week of working time is added
    const due = add('2026-03-18T09:00:00Z', 'P1W');
    // then the Wednesday after, 10:00 CET
    expect(due).toBe('2026-03-25T09:00:00.000Z');
  });
});

describe('working time across holidays', () => {
  it('skips Good Friday, the weekend and Easter Monday', () => {
    // given Thursday 2026-04-02 12:00 CEST (UTC+2)
    // when one working day is added
    const due = add('2026-04-02T10:00:00Z', 'P1D');
    // then Tuesday 2026-04-07 12:00 CEST
    expect(due).toBe('2026-04-07T10:00:00.000Z');
  });

  it('subtracts working hours back over the holidays', () => {
    // given Tuesday 2026-04-07 10:00 CEST
    // when two working hours are subtracted
    const earlier = subtract('2026-04-07T08:00:00Z', 'PT2H');
    // then one hour on Tuesday, one on Thursday 2026-04-02: 16:00 CEST
    expect(earlier).toBe('2026-04-02T14:00:00.000Z');
  });

  it('subtracts a working day to the same time on the previous working day', () => {
    // given Tuesday 2026-04-07 10:00 CEST
    // when one working day is subtracted
    const earlier = subtract('2026-04-07T08:00:00Z', 'P1D');
    // then Thursday 2026-04-02 10:00 CEST
    expect(earlier).toBe('2026-04-02T08:00:00.000Z');
  });
});

describe('working-hour boundaries', () => {
  it('ends a duration that fills the rest of the day at the end of work, not the next morning', () => {
    // given Monday 2026-03-23 13:00 CET
    // when four working hours are added
    const due = add('2026-03-23T12:00:00Z', 'PT4H');
    // then 17:00 CET the same day
    expect(due).toBe('2026-03-23T16:00:00.000Z');
  });

  it('treats the start of work as working time and the end of work as not', () => {
    // given Monday 2026-03-23 09:00 and 17:00 CET
    // then
    expect(isWorkingTime(Date.parse('2026-03-23T08:00:00Z'), berlin)).toBe(true);
    expect(isWorkingTime(Date.parse('2026-03-23T16:00:00Z'), berlin)).toBe(false);
    expect(isWorkingTime(Date.parse('2026-03-23T07:59:59Z'), berlin)).toBe(false);
  });

  it('gives the start of the next working period as the next working instant after hours', () => {
    // given Monday 2026-03-23 17:00 CET
    // when
    const next = nextWorkingInstant(Date.parse('2026-03-23T16:00:00Z'), berlin);
    // then Tuesday 09:00 CET
    expect(new Date(next).toISOString()).toBe('2026-03-24T08:00:00.000Z');
  });

  it('does not count a lunch break', () => {
    // given Monday 09:00–12:00 and 13:00–17:00 in UTC
    const lunch: BusinessCalendar = { timeZone: 'UTC', workingWeekdays: [1], workingHours: { 1: [['13:00', '17:00'], ['09:00', '12:00']] }, holidays: [] };
    // when two working hours are added at 11:00
    const due = add('2026-03-23T11:00:00Z', 'PT2H', lunch);
    // then 14:00
    expect(due).toBe('2026-03-23T14:00:00.000Z');
  });

  it('moves a working day landing after a shorter day\'s hours to the next working period', () => {
    // given Friday is worked 09:00–13:00 only
    const shortFriday: BusinessCalendar = { ...berlin, holidays: [], workingHours: { ...berlin.workingHours, 5: [['09:00', '13:00']] } };
    // when one working day is added to Thursday 2026-03-19 15:00 CET
    const due = add('2026-03-19T14:00:00Z', 'P1D', shortFriday);
    // then Monday 09:00 CET
    expect(due).toBe('2026-03-23T08:00:00.000Z');
  });
});

describe('working time across daylight-saving changes in Berlin', () => {
  it('keeps the wall time of day when working days cross the spring change (last Sunday of March)', () => {
    // given Friday 2026-03-27 10:00 CET (UTC+1); clocks go forward on Sunday 2026-03-29
    // when one working day is added
    const due = add('2026-03-27T09:00:00Z', 'P1D');
    // then Monday 2026-03-30 10:00 CEST, which is 08:00 UTC
    expect(due).toBe('2026-03-30T08:00:00.000Z');
  });

  it('carries working hours over the spring change by wall clock', () => {
    // given Friday 2026-03-27 15:00 CET
    // when four working hours are added
    const due = add('2026-03-27T14:00:00Z', 'PT4H');
    // then Monday 11:00 CEST = 09:00 UTC
    expect(due).toBe('2026-03-30T09:00:00.000Z');
  });

  it('carries working hours over the autumn change (last Sunday of October) by wall clock', () => {
    // given Friday 2026-10-23 16:00 CEST (UTC+2); clocks go back on Sunday 2026-10-25
    // when two working hours are added
    const due = add('2026-10-23T14:00:00Z', 'PT2H');
    // then Monday 2026-10-26 10:00 CET = 09:00 UTC
    expect(due).toBe('2026-10-26T09:00:00.000Z');
  });

  it('counts the 23-hour spring Sunday and the 25-hour autumn Sunday as they are when worked all day', () => {
    // given a calendar worked round the clock every day in Berlin
    const always: BusinessCalendar = { timeZone: 'Europe/Berlin', workingWeekdays: [1, 2, 3, 4, 5, 6, 7], holidays: [] };
    // when one working day is added at midnight of each change day
    const spring = addWorkingDays(Date.parse('2026-03-28T23:00:00Z'), 1, always);
    const autumn = addWorkingDays(Date.parse('2026-10-24T22:00:00Z'), 1, always);
    // then the next midnight, 23 and 25 hours later
    expect(spring - Date.parse('2026-03-28T23:00:00Z')).toBe(23 * 3_600_000);
    expect(autumn - Date.parse('2026-10-24T22:00:00Z')).toBe(25 * 3_600_000);
  });
});

describe('working durations that are not working time', () => {
  it('refuses months and fractional days with the reason', () => {
    // given
    const from = Date.parse('2026-03-23T09:00:00Z');
    // then
    expect(() => addWorkingDuration(from, parseIsoDuration('P1M')!, berlin)).toThrow(/years or months/);
    expect(() => addWorkingDuration(from, parseIsoDuration('P1.5D')!, berlin)).toThrow(IncidentError);
  });

  it('names the calendar whose working hours are malformed', () => {
    // given
    const broken: BusinessCalendar = { name: 'broken', workingWeekdays: [1], workingHours: { 1: [['17:00', '09:00']] }, holidays: [] };
    // then
    expect(() => add('2026-03-23T09:00:00Z', 'PT1H', broken)).toThrow(/"broken".*"17:00"–"09:00"/);
  });
});
