import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../business-days';
import { IncidentError } from '../../incident-error';
import { planTimer } from '../../timers';

const nineToFive = [['09:00', '17:00']] as const;
const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingWeekdays: [1, 2, 3, 4, 5],
  workingHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: [],
};
// Friday 2026-03-27 16:00 CET
const friday = new Date('2026-03-27T15:00:00Z');

describe('timers counting working time', () => {
  it('fires a working duration after that much working time of the calendar', () => {
    // when
    const plan = planTimer({ duration: 'PT2H', basis: 'working' }, {}, friday, 'The timer', { calendar: berlin });
    // then one hour on Friday, one on Monday after the clocks went forward: 10:00 CEST
    expect(plan.fireAt.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('keeps elapsed time for a timer without a basis, whatever the calendar', () => {
    // when
    const plan = planTimer({ duration: 'PT2H' }, {}, friday, 'The timer', { calendar: berlin });
    // then
    expect(plan.fireAt.toISOString()).toBe('2026-03-27T17:00:00.000Z');
  });

  it('counts Monday to Friday around the clock when the run loaded no calendar', () => {
    // given Saturday 2026-03-28 12:00 UTC
    // when
    const plan = planTimer({ duration: 'PT1H', basis: 'working' }, {}, new Date('2026-03-28T12:00:00Z'), 'The timer');
    // then Monday 01:00 UTC
    expect(plan.fireAt.toISOString()).toBe('2026-03-30T01:00:00.000Z');
  });

  it('repeats a working cycle in working time', () => {
    // when
    const plan = planTimer({ cycle: 'R3/PT4H', basis: 'working' }, {}, friday, 'The timer', { calendar: berlin });
    const second = plan.next(plan.fireAt);
    // then Monday 12:00 CEST, then 16:00 CEST
    expect([plan.fireAt.toISOString(), second?.toISOString()]).toEqual(['2026-03-30T10:00:00.000Z', '2026-03-30T14:00:00.000Z']);
  });

  it('raises an incident naming the timer for a working duration in months', () => {
    // then
    expect(() => planTimer({ duration: 'P1M', basis: 'working' }, {}, friday, 'The timer of "Wait"', { calendar: berlin })).toThrow(IncidentError);
    expect(() => planTimer({ duration: 'P1M', basis: 'working' }, {}, friday, 'The timer of "Wait"', { calendar: berlin })).toThrow(/The timer of "Wait" counts working time/);
  });
});
