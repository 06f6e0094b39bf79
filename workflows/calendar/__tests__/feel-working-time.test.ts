import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../business-days';
import { evaluateValue } from '../../feel';

const nineToFive = [['09:00', '17:00']] as const;
const berlin: BusinessCalendar = {
  name: 'germany',
  timeZone: 'Europe/Berlin',
  workingWeekdays: [1, 2, 3, 4, 5],
  workingHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: ['2026-04-03', '2026-04-06'],
};

function feel(expression: string, variables: Record<string, unknown> = {}): unknown {
  return evaluateValue(`=${expression}`, variables, { calendar: berlin });
}

describe('FEEL working-time functions on a Berlin calendar', () => {
  it('adds working days to a date, skipping the Easter holidays', () => {
    // when
    const due = feel('add working days(date("2026-04-02"), 1)');
    // then
    expect(due).toBe('2026-04-07');
  });

  it('adds working days to a UTC date-time across the spring clock change, keeping the Berlin time of day', () => {
    // given Friday 2026-03-27 10:00 CET as a UTC string in a variable
    // when
    const due = feel('add working days(created, 1)', { created: '2026-03-27T09:00:00Z' });
    // then Monday 10:00 CEST, still written in UTC
    expect(due).toBe('2026-03-30T08:00:00Z');
  });

  it('adds working time given as a duration or as text, and counts back for a negative one', () => {
    // when
    const later = feel('add working time(date and time("2026-03-27T15:00:00@Europe/Berlin"), duration("PT4H"))');
    // (a fixed offset is kept: 11:00 CEST is 10:00 at +01:00)
    const text = feel('add working time(date and time("2026-03-27T15:00:00+01:00"), "PT4H")');
    const earlier = feel('add working time(date and time("2026-04-07T10:00:00+02:00"), duration("-PT2H"))');
    // then
    expect(later).toBe('2026-03-30T11:00:00@Europe/Berlin');
    expect(text).toBe('2026-03-30T10:00:00+01:00');
    expect(earlier).toBe('2026-04-02T16:00:00+02:00');
  });

  it('gives a date plus working time as a date-time with the calendar\'s offset', () => {
    // when (work starts 09:00 CEST on 2026-03-30)
    const due = feel('add working time(date("2026-03-28"), duration("PT2H"))');
    // then
    expect(due).toBe('2026-03-30T11:00:00+02:00');
  });

  it('tells working time and the next working time', () => {
    // when
    const [saturday, monday, next] = feel('[is working time(@"2026-03-28T10:00:00Z"), is working time(@"2026-03-30T07:30:00Z"), next working time(@"2026-03-28T10:00:00Z")]') as unknown[];
    // then
    expect([saturday, monday]).toEqual([false, true]);
    expect(next).toBe('2026-03-30T07:00:00Z');
  });

  it('counts the business day of a date-time in the calendar\'s zone', () => {
    // given 23:30 UTC on Friday 2026-03-20 is Saturday 00:30 in Berlin
    // when
    const [isBusinessDay, nextBusinessDay] = feel('[is business day(@"2026-03-20T23:30:00Z"), add business days(@"2026-03-20T23:30:00Z", 1)]') as unknown[];
    // then Saturday is not a business day; one business day later is Monday 00:30 Berlin
    expect(isBusinessDay).toBe(false);
    expect(nextBusinessDay).toBe('2026-03-22T23:30:00Z');
  });

  it('gives null (FEEL\'s invalid arguments) for a month of working time or a fractional day count', () => {
    // then
    expect(feel('add working time(@"2026-03-20T10:00:00Z", duration("P1M"))')).toBeNull();
    expect(feel('add working days(@"2026-03-20T10:00:00Z", 1.5)')).toBeNull();
  });
});
