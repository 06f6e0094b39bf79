/** The addresses of the version history and diff pages read back into the same routes. */
import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash, type Route } from '../../router/routes';

describe('the version routes', () => {
  it('round-trips the history and the diff of two versions', () => {
    // given
    const routes: Route[] = [
      { name: 'versions', key: 'capa' },
      { name: 'diff', key: 'document approval', from: 1, to: 3 },
    ];
    // when
    const addresses = routes.map(hrefOf);
    // then
    expect(addresses).toEqual(['#/processes/capa/versions', '#/processes/document%20approval/diff?from=1&to=3']);
    expect(addresses.map(parseHash)).toEqual(routes);
  });

  it('shows the history for a diff without two versions', () => {
    expect(parseHash('#/processes/capa/diff?from=2')).toEqual({ name: 'versions', key: 'capa' });
  });
});
