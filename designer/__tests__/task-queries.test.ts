import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../src/api/types';
import { canClaim, canUnclaim, mergeTasks, queriesForTab } from '../src/tasks/task-queries';

function task(overrides: Partial<TaskSummary>): TaskSummary {
  return {
    id: 't',
    instanceId: 'i',
    processKey: 'document-approval',
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

describe('tasklist tabs', () => {
  it('asks for my open tasks, the unclaimed ones offered to my groups or to me, all I may see, and the ones I completed', () => {
    // given
    const user = { groups: ['quality', 'document-control'] };
    // when / then
    expect(queriesForTab('mine', user)).toMatchObject([{ state: 'open', assignee: 'me' }]);
    expect(queriesForTab('groups', user)).toMatchObject([
      { state: 'open', assigned: false, candidateGroup: 'mine' },
      { state: 'open', assigned: false, candidateUser: 'me' },
    ]);
    expect(queriesForTab('all', user)).toEqual([expect.objectContaining({ state: 'open' })]);
    expect(queriesForTab('all', user)[0]).not.toHaveProperty('assignee');
    expect(queriesForTab('completed', user)).toMatchObject([{ state: 'completed', completedBy: 'me' }]);
  });

  it('does not ask for group tasks when I belong to no group', () => {
    // given / when
    const queries = queriesForTab('groups', { groups: [] });
    // then
    expect(queries).toMatchObject([{ candidateUser: 'me' }]);
    expect(queries.some((query) => query.candidateGroup)).toBe(false);
  });

  it('lists a task offered to two of my groups once, earliest deadline first and undated last', () => {
    // given
    const shared = task({ id: 'shared', dueAt: '2026-03-05T00:00:00Z' });
    const urgent = task({ id: 'urgent', dueAt: '2026-03-02T00:00:00Z' });
    const undatedHigh = task({ id: 'undated-high', priority: 90 });
    const undatedLow = task({ id: 'undated-low', priority: 10 });
    // when
    const merged = mergeTasks([[shared, undatedLow], [urgent, shared, undatedHigh]]);
    // then
    expect(merged.map((t) => t.id)).toEqual(['urgent', 'shared', 'undated-high', 'undated-low']);
  });

  it('lets me claim a free task and give back only one I hold', () => {
    // given
    const free = task({});
    const mine = task({ assignee: 'alice' });
    const bobs = task({ assignee: 'bob' });
    // when / then
    expect([canClaim(free), canClaim(mine), canClaim(bobs)]).toEqual([true, false, false]);
    expect([canUnclaim(free, 'alice'), canUnclaim(mine, 'alice'), canUnclaim(bobs, 'alice')]).toEqual([false, true, false]);
  });
});
