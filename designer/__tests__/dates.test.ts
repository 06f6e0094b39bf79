import { describe, expect, it } from 'vitest';
import { dueStatus, priorityLabel } from '../src/format/dates';

describe('due dates and priority', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it('calls a passed deadline overdue, one within a day soon, and the rest later', () => {
    // given / when / then
    expect(dueStatus('2026-03-10T11:59:00Z', now)).toBe('overdue');
    expect(dueStatus('2026-03-11T11:00:00Z', now)).toBe('soon');
    expect(dueStatus('2026-03-20T00:00:00Z', now)).toBe('later');
    expect(dueStatus(null, now)).toBe('none');
    expect(dueStatus('not a date', now)).toBe('none');
  });

  it('names priorities around Camunda’s default of 50', () => {
    // given / when / then
    expect([priorityLabel(90), priorityLabel(50), priorityLabel(10)]).toEqual(['High', 'Normal', 'Low']);
  });
});
