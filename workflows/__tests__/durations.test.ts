import { describe, expect, it } from 'vitest';
import { addDuration, parseIsoDuration, resolveDateTime, timerDelayMs } from '../durations';
import { IncidentError } from '../incident-error';

const now = new Date('2025-01-31T10:00:00Z');

describe('ISO 8601 durations and date-times', () => {
  it('parses every part of a duration and rejects what is not one', () => {
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5 });
    expect(parseIsoDuration('PT2S')).toMatchObject({ seconds: 2 });
    for (const text of ['P', 'PT', '2S', 'P1H', 'PT1D', 'soon']) expect(parseIsoDuration(text)).toBeUndefined();
  });

  it('adds months by the calendar and the rest exactly', () => {
    expect(addDuration(now, parseIsoDuration('P1M')!).toISOString()).toBe('2025-02-28T10:00:00.000Z');
    expect(addDuration(now, parseIsoDuration('P2DT3H')!).toISOString()).toBe('2025-02-02T13:00:00.000Z');
  });

  it('turns a timer duration into milliseconds, and a bad one into an incident', () => {
    expect(timerDelayMs('PT2S', now, 'timer')).toBe(2000);
    expect(() => timerDelayMs('2 seconds', now, 'The timer of "Late"')).toThrow(IncidentError);
    expect(() => timerDelayMs(5, now, 'timer')).toThrow(/ISO 8601 duration/);
  });

  it('resolves due dates given as date-time, date or duration', () => {
    expect(resolveDateTime('2025-02-01T12:00:00+02:00', now, 'due')).toBe('2025-02-01T10:00:00.000Z');
    expect(resolveDateTime('2025-02-01T12:00:00', now, 'due')).toBe('2025-02-01T12:00:00.000Z');
    expect(resolveDateTime('2025-02-01', now, 'due')).toBe('2025-02-01T00:00:00.000Z');
    expect(resolveDateTime('P3D', now, 'due')).toBe('2025-02-03T10:00:00.000Z');
    expect(resolveDateTime(null, now, 'due')).toBeUndefined();
    expect(() => resolveDateTime('next week', now, 'The due date')).toThrow(/The due date must be an ISO 8601 date-time or duration/);
  });
});
