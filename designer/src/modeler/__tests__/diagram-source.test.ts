import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash } from '../../router/routes';
import type { DiagramSource } from '../diagram-source';

describe('the designer address', () => {
  it.each<DiagramSource>([
    { kind: 'blank' },
    { kind: 'draft', id: 'd-1' },
    { kind: 'template', key: 'capa' },
    { kind: 'definition', key: 'capa', version: 3 },
    { kind: 'definition', key: 'document approval' },
  ])('reads back what it writes: %j', (source) => {
    // given a designer route
    const route = { name: 'designer' as const, source };
    // when it becomes an address and is read again
    // then it is the same route
    expect(parseHash(hrefOf(route))).toEqual(route);
  });

  it('ignores a version that is not a positive whole number', () => {
    expect(parseHash('#/designer?definition=capa&version=x')).toEqual({ name: 'designer', source: { kind: 'definition', key: 'capa' } });
  });
});
