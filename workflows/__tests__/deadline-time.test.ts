import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../business-days';
import { shiftTime } from '../deadline-time';
import type { UserTaskElement } from '../model';
import { evaluateAssignment } from '../task-assignment';

const FRIDAY_10 = new Date('2026-11-27T10:00:00Z');
const OFFICE: BusinessCalendar = { workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-11-30'], workingHours: { 1: [['09:00', '17:00']], 2: [['09:00', '17:00']], 3: [['09:00', '17:00']], 4: [['09:00', '17:00']], 5: [['09:00', '17:00']] } };

function task(fields: Partial<UserTaskElement>): UserTaskElement {
  return { kind: 'userTask', id: 'review', name: 'Review', incoming: [], outgoing: [], inputs: [], outputs: [], boundaryEvents: [], ...fields };
}

describe('deadline durations', () => {
  it('counts elapsed time on the clock, forwards and backwards', () => {
    expect(shiftTime(FRIDAY_10, 'P1DT2H', 'elapsed', 1).toISOString()).toBe('2026-11-28T12:00:00.000Z');
    expect(shiftTime(FRIDAY_10, 'PT4H', 'elapsed', -1).toISOString()).toBe('2026-11-27T06:00:00.000Z');
  });

  it('counts working time over the weekend, holidays and working hours of the calendar', () => {
    // Monday 30 November is a holiday: one working day after Friday is Tuesday
    expect(shiftTime(FRIDAY_10, 'P1D', 'working', 1, OFFICE).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    // eight working hours from Friday 10:00: 7 on Friday, 1 on Tuesday
    expect(shiftTime(FRIDAY_10, 'PT8H', 'working', 1, OFFICE).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    // a reminder one working day before Tuesday 10:00 is Friday 10:00
    expect(shiftTime(new Date('2026-12-01T10:00:00Z'), 'P1D', 'working', -1, OFFICE).toISOString()).toBe(FRIDAY_10.toISOString());
  });

  it('uses Monday to Friday when the run loaded no calendar', () => {
    expect(shiftTime(FRIDAY_10, 'P1D', 'working', 1).toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });
});

describe('due and follow-up defaults from qualflow:deadline', () => {
  it('sets due and follow-up dates from the deadline when zeebe:taskSchedule is silent', () => {
    // when
    const assignment = evaluateAssignment(task({ deadline: { dueIn: 'P2D', followUpIn: 'P1D', basis: 'working' } }), {}, FRIDAY_10, OFFICE);

    // then
    expect(assignment).toMatchObject({ dueAt: '2026-12-02T10:00:00.000Z', followUpAt: '2026-12-01T10:00:00.000Z' });
  });

  it('keeps the dates zeebe:taskSchedule sets', () => {
    // when
    const assignment = evaluateAssignment(task({ dueDate: 'PT1H', deadline: { dueIn: 'P2D', followUpIn: 'P1D', basis: 'elapsed' } }), {}, FRIDAY_10);

    // then
    expect(assignment).toMatchObject({ dueAt: '2026-11-27T11:00:00.000Z', followUpAt: '2026-11-28T10:00:00.000Z' });
  });
});
