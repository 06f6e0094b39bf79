/** The monitor's and the instance list's addresses read back into the same route. */
import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash, type Route } from '../../router/routes';
import { formatDuration } from '../format-duration';

describe('monitor and instance list addresses', () => {
  const routes: Route[] = [
    { name: 'monitor' },
    { name: 'monitor', list: 'overdue', filters: { processKey: 'capa', assignee: 'alice' } },
    { name: 'monitor', list: 'escalations', filters: { days: '7' } },
    { name: 'instances', status: '' },
    { name: 'instances', status: 'open', filters: { processKey: 'capa', overdue: 'true' } },
    { name: 'instances', status: '', filters: { startedAfter: '2026-12-01T00:00:00.000Z', hasIncident: 'false' } },
  ];

  it.each(routes.map((route) => [hrefOf(route), route]))('reads %s back', (href, route) => {
    expect(parseHash(href)).toEqual(route);
  });

  it('keeps the old status-only instance address', () => {
    expect(hrefOf({ name: 'instances', status: 'active' })).toBe('#/instances?status=active');
    expect(parseHash('#/instances?status=active&unknown=1')).toEqual({ name: 'instances', status: 'active' });
  });

  it('refuses an unknown monitor list', () => {
    expect(parseHash('#/monitor/nope').name).toBe('notFound');
  });
});

describe('durations', () => {
  it('reads as days, hours or minutes', () => {
    expect(formatDuration(5 * 86_400_000)).toBe('5 d');
    expect(formatDuration(1.25 * 86_400_000)).toBe('1.3 d');
    expect(formatDuration(3 * 3_600_000)).toBe('3 h');
    expect(formatDuration(90_000)).toBe('2 min');
    expect(formatDuration(null)).toBe('—');
  });
});
