import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash, type Route } from '../src/router/routes';

describe('the notifications route', () => {
  it('reads the inbox and the outbox back from the addresses it gives', () => {
    // given
    const routes: Route[] = [
      { name: 'notifications', view: 'inbox' },
      { name: 'notifications', view: 'outbox' },
    ];
    // when
    const addresses = routes.map(hrefOf);
    // then
    expect(addresses).toEqual(['#/notifications', '#/notifications/outbox']);
    expect(addresses.map(parseHash)).toEqual(routes);
  });

  it('says an unknown notifications view is not found', () => {
    // given / when
    const route = parseHash('#/notifications/toString');
    // then
    expect(route).toEqual({ name: 'notFound', path: '/notifications/toString' });
  });
});
