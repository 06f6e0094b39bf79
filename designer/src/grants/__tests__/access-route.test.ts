import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash } from '../../router/routes';

describe('the address of a process’s Access page', () => {
  it('reads the page back from the address it gives, for any process key', () => {
    // given
    const route = { name: 'access', processKey: 'capa v2/β' } as const;
    // when
    const href = hrefOf(route);
    // then
    expect(href).toBe('#/processes/capa%20v2%2F%CE%B2/access');
    expect(parseHash(href)).toEqual(route);
  });

  it('does not mistake a longer address for the Access page', () => {
    // given / when / then
    expect(parseHash('#/processes/capa/access/extra').name).toBe('notFound');
  });
});
