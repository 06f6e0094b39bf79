import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, DEFAULT_BUSINESS_CALENDAR, isBusinessDay, type BusinessCalendar } from '../business-days';
import { evaluateExpression } from '../feel';
import { IncidentError } from '../incident-error';

// 2026-11-27 is a Friday, 2026-11-28/29 the weekend, 2026-11-30 a Monday.

describe('business days on the default calendar (Monday to Friday, no holidays)', () => {
  it('counts Monday to Friday as business days and the weekend not', () => {
    expect(['2026-11-23', '2026-11-27'].map((day) => isBusinessDay(day))).toEqual([true, true]);
    expect(['2026-11-28', '2026-11-29'].map((day) => isBusinessDay(day))).toEqual([false, false]);
  });

  it('skips the weekend when adding business days', () => {
    expect(addBusinessDays('2026-11-26', 1)).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-27', 5)).toBe('2026-12-04');
    expect(addBusinessDays('2026-11-28', 1)).toBe('2026-11-30');
  });

  it('crosses the year end and leap days', () => {
    expect(addBusinessDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addBusinessDays('2027-12-31', 1)).toBe('2028-01-03');
    expect(addBusinessDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(businessDaysBetween('2026-12-24', '2027-01-04')).toBe(7);
  });

  it('goes back in time for a negative count', () => {
    expect(addBusinessDays('2026-11-30', -1)).toBe('2026-11-27');
    expect(addBusinessDays('2027-01-01', -5)).toBe('2026-12-25');
    expect(addBusinessDays('2026-11-29', -1)).toBe('2026-11-27');
  });

  it('keeps a business day and rolls a day off forward to the next business day for a count of zero', () => {
    expect(addBusinessDays('2026-11-27', 0)).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-28', 0)).toBe('2026-11-30');
  });

  it('counts the business days from the first date to the second, counting the second but not the first', () => {
    expect(businessDaysBetween('2026-11-23', '2026-11-25')).toBe(2);
    expect(businessDaysBetween('2026-11-27', '2026-11-30')).toBe(1);
    expect(businessDaysBetween('2026-11-28', '2026-11-29')).toBe(0);
    expect(businessDaysBetween('2026-11-25', '2026-11-25')).toBe(0);
    expect(businessDaysBetween('2026-11-30', '2026-11-27')).toBe(-1);
    expect(businessDaysBetween('2026-11-28', '2026-11-27')).toBe(-1);
  });

  it('is the inverse of adding business days', () => {
    for (const from of ['2026-11-26', '2026-11-28', '2026-12-31']) {
      for (const count of [-7, -1, 1, 3, 12]) {
        expect(businessDaysBetween(from, addBusinessDays(from, count))).toBe(count);
      }
    }
  });

  it('refuses malformed dates, fractional counts and calendars without working days', () => {
    expect(() => addBusinessDays('2026-02-30', 1)).toThrow(IncidentError);
    expect(() => addBusinessDays('30.11.2026', 1)).toThrow(/not a calendar date/);
    expect(() => addBusinessDays('2026-11-30', 1.5)).toThrow(/whole number/);
    expect(() => isBusinessDay('2026-11-30', { workingWeekdays: [], holidays: [] })).toThrow(/no working weekday/);
  });
});

describe('business days on an injected calendar', () => {
  const calendar: BusinessCalendar = { workingWeekdays: [1, 2, 3, 4], holidays: ['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01'] };

  it('skips holidays and the calendar\'s own non-working weekdays', () => {
    expect(isBusinessDay('2026-11-27', calendar)).toBe(false);
    expect(addBusinessDays('2026-12-23', 1, calendar)).toBe('2026-12-28');
    expect(addBusinessDays('2026-12-30', 1, calendar)).toBe('2027-01-04');
    expect(businessDaysBetween('2026-12-21', '2027-01-04', calendar)).toBe(6);
    expect(DEFAULT_BUSINESS_CALENDAR.holidays).toEqual([]);
  });
});

describe('business days in FEEL', () => {
  it('adds business days to dates, date-times (keeping the time) and ISO strings', () => {
    expect(evaluateExpression('add business days(date("2026-11-27"), 1)', {})).toBe('2026-11-30');
    expect(evaluateExpression('add business days(date and time("2026-11-27T17:00:00Z"), 2)', {})).toBe('2026-12-01T17:00:00Z');
    expect(evaluateExpression('add business days(received, -1)', { received: '2026-11-30' })).toBe('2026-11-27');
  });

  it('counts business days between two dates and tells business days from days off', () => {
    expect(evaluateExpression('business days between(date("2026-11-27"), date("2026-12-04"))', {})).toBe(5);
    expect(evaluateExpression('is business day(date("2026-11-28"))', {})).toBe(false);
  });

  it('returns null for a value that is not a date or a count that is not whole', () => {
    expect(evaluateExpression('add business days("soon", 1)', {})).toBeNull();
    expect(evaluateExpression('add business days(date("2026-11-27"), 1.5)', {})).toBeNull();
    expect(evaluateExpression('business days between(null, date("2026-11-27"))', {})).toBeNull();
  });

  it('returns the last day of the month', () => {
    expect(evaluateExpression('last day of month(date("2028-02-10"))', {})).toBe('2028-02-29');
    expect(evaluateExpression('last day of month(date and time("2026-12-05T08:00:00Z"))', {})).toBe('2026-12-31');
    expect(evaluateExpression('last day of month(3)', {})).toBeNull();
  });
});
