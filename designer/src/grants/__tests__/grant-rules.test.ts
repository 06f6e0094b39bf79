import { describe, expect, it } from 'vitest';
import { changeMessage, offersAccess, peopleToOffer, personLabel } from '../grant-rules';

describe('who is offered the Access action', () => {
  it('offers it to admins on any process and to the process owner on theirs', () => {
    // given
    const process = { owner: 'olivia' };
    // when / then
    expect(offersAccess({ username: 'admin', roles: ['admin'] }, process)).toBe(true);
    expect(offersAccess({ username: 'olivia', roles: ['owner'] }, process)).toBe(true);
    expect(offersAccess({ username: 'carol', roles: ['staff'] }, { owner: 'carol' }), 'an owner named in the diagram, whatever their role').toBe(true);
  });

  it('does not offer it to other owners, managers or staff', () => {
    // given
    const process = { owner: 'olivia' };
    // when / then
    expect(offersAccess({ username: 'owner', roles: ['owner'] }, process)).toBe(false);
    expect(offersAccess({ username: 'manager', roles: ['manager'] }, process)).toBe(false);
    expect(offersAccess({ username: 'alice', roles: ['staff'] }, process)).toBe(false);
    expect(offersAccess({ username: 'alice', roles: ['staff'] }, { owner: null })).toBe(false);
  });
});

describe('the people a process may still be given to', () => {
  const users = [
    { username: 'owner', name: 'Oscar Owner' },
    { username: 'manager', name: 'Maria Manager' },
    { username: 'bob', name: 'Bob Berg' },
    { username: 'alice', name: 'Alice Anders' },
    { username: 'gone', name: 'Gina Gone', active: false },
  ];

  it('leaves out the owner, those already given it and inactive users, sorted by name', () => {
    // given manager already holds the process
    const grants = [{ username: 'manager' }];
    // when
    const offered = peopleToOffer(users, grants, 'owner');
    // then
    expect(offered.map((user) => user.username)).toEqual(['alice', 'bob']);
  });

  it('offers everyone active when the process is given to no one and has no known owner', () => {
    // given / when
    const offered = peopleToOffer(users, [], null);
    // then
    expect(offered.map((user) => user.username)).toEqual(['alice', 'bob', 'manager', 'owner']);
  });
});

describe('what the page says', () => {
  it('names a person by name and username when the name is known', () => {
    // given
    const names = new Map([['manager', 'Maria Manager']]);
    // when / then
    expect(personLabel('manager', names)).toBe('Maria Manager (manager)');
    expect(personLabel('bob', names)).toBe('bob');
  });

  it('says what a grant and a take-back mean', () => {
    // given / when / then
    expect(changeMessage('given', 'manager', 'CAPA')).toBe('CAPA is now given to manager: they see all its instances and tasks.');
    expect(changeMessage('taken back', 'manager', 'CAPA')).toBe('CAPA was taken back from manager.');
  });
});
