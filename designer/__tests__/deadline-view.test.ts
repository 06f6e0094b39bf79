import { describe, expect, it } from 'vitest';
import { applyFilter, followUpDue, isOverdue, parseFilter, type DeadlineTask } from '../src/tasks/deadline-view';
import { queriesForTab } from '../src/tasks/task-queries';

const now = new Date('2026-03-10T12:00:00Z');

function task(overrides: Partial<DeadlineTask>): DeadlineTask {
  return {
    id: 't',
    instanceId: 'i',
    processKey: 'capa',
    elementId: 'Task_1',
    name: 'Review',
    assignee: null,
    candidateGroups: [],
    candidateUsers: [],
    dueAt: null,
    followUpAt: null,
    priority: 50,
    state: 'open',
    createdAt: '2026-03-01T08:00:00Z',
    ...overrides,
  };
}

describe('tasklist deadline filters', () => {
  it('asks each query of a view for overdue tasks, earliest due first', () => {
    // when
    const queries = applyFilter(queriesForTab('groups', { groups: ['quality'] }), 'overdue');
    // then
    expect(queries).toMatchObject([
      { candidateGroup: 'mine', overdue: true, sort: 'dueAt' },
      { candidateUser: 'me', overdue: true, sort: 'dueAt' },
    ]);
  });

  it('asks for tasks whose follow-up date has come, and for escalated ones highest level first', () => {
    expect(applyFilter(queriesForTab('mine', { groups: [] }), 'followUp')).toMatchObject([{ assignee: 'me', followUpDue: true }]);
    expect(applyFilter(queriesForTab('mine', { groups: [] }), 'escalated')).toMatchObject([{ minEscalationLevel: 1, sort: '-escalationLevel' }]);
  });

  it('leaves the queries alone for "all"', () => {
    const queries = queriesForTab('mine', { groups: [] });
    expect(applyFilter(queries, 'all')).toEqual(queries);
  });

  it("trusts the server's overdue flag and computes it only when missing", () => {
    expect(isOverdue(task({ dueAt: '2026-03-11T00:00:00Z', overdue: true }), now)).toBe(true);
    expect(isOverdue(task({ dueAt: '2026-03-09T00:00:00Z', overdue: false }), now)).toBe(false);
    expect(isOverdue(task({ dueAt: '2026-03-09T00:00:00Z' }), now)).toBe(true);
    expect(isOverdue(task({ dueAt: '2026-03-09T00:00:00Z', state: 'completed' }), now)).toBe(false);
  });

  it('says a follow-up is due once its date has come on an open task', () => {
    expect(followUpDue(task({ followUpAt: '2026-03-10T12:00:00Z' }), now)).toBe(true);
    expect(followUpDue(task({ followUpAt: '2026-03-10T12:00:01Z' }), now)).toBe(false);
    expect(followUpDue(task({ followUpAt: '2026-03-01T00:00:00Z', state: 'completed' }), now)).toBe(false);
  });

  it('reads a remembered filter, falling back to all', () => {
    expect(parseFilter('followUp')).toBe('followUp');
    expect(parseFilter('nonsense')).toBe('all');
    expect(parseFilter(null)).toBe('all');
  });
});
