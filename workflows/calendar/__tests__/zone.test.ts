import { describe, expect, it } from 'vitest';
import { instantAt, isTimeZone, offsetAt, wallClockAt } from '../zone';

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

describe('wall clocks in time zones', () => {
  it('knows IANA zones and refuses made-up names and bare offsets', () => {
    // then
    expect(['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata'].every(isTimeZone)).toBe(true);
    expect(['Europe/Atlantis', '+02:00', '', ' Europe/Berlin'].some(isTimeZone)).toBe(false);
  });

  it('reads Berlin wall time on both sides of the spring change', () => {
    // then 01:59 CET is 00:59Z, 03:00 CEST is 01:00Z
    expect(new Date(instantAt(day('2026-03-29'), 1 * 60 + 59, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(new Date(instantAt(day('2026-03-29'), 3 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('resolves a wall time the spring change skips past the gap, and a doubled autumn one to the earlier instant', () => {
    // then 02:30 on 2026-03-29 does not exist: 03:30 CEST; 02:30 on 2026-10-25 happens twice: the CEST one first
    expect(new Date(instantAt(day('2026-03-29'), 2 * 60 + 30, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(instantAt(day('2026-10-25'), 2 * 60 + 30, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives the offset and the wall clock of an instant, fixed offsets included', () => {
    // when
    const wall = wallClockAt(Date.parse('2026-10-25T23:30:00Z'), 'Europe/Berlin');
    // then
    expect(offsetAt(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(offsetAt(Date.parse('2026-07-01T12:00:00Z'), '-05:30')).toBe(-5.5 * 3_600_000);
    expect(wall).toEqual({ epochDay: day('2026-10-26'), msOfDay: 30 * 60_000 });
  });
});
