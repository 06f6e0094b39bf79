import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash, type Route } from '../src/router/routes';

describe('hash routes', () => {
  it('opens my tasks when the address has no hash', () => {
    // given / when
    const route = parseHash('');
    // then
    expect(route).toEqual({ name: 'tasks', tab: 'mine' });
  });

  it('reads every page back from the address it gives', () => {
    // given
    const routes: Route[] = [
      { name: 'login' },
      { name: 'tasks', tab: 'mine' },
      { name: 'tasks', tab: 'groups' },
      { name: 'tasks', tab: 'all' },
      { name: 'tasks', tab: 'completed' },
      { name: 'task', id: 'a b/c' },
      { name: 'processes' },
      { name: 'instances', status: '' },
      { name: 'instances', status: 'incident' },
      { name: 'instance', id: '5f0c1d2e-0000-4000-8000-000000000001' },
    ];
    // when
    const roundTripped = routes.map((route) => parseHash(hrefOf(route)));
    // then
    expect(roundTripped).toEqual(routes);
  });

  it('says an unknown address is not found instead of guessing a page', () => {
    // given / when
    const route = parseHash('#/tasks/someone-elses');
    // then
    expect(route).toEqual({ name: 'notFound', path: '/tasks/someone-elses' });
  });
});
