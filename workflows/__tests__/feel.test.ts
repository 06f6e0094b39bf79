import { describe, expect, it } from 'vitest';
import { applyMappings, evaluateCondition, evaluateValue } from '../feel';
import { IncidentError } from '../incident-error';
import { evaluateAssignment } from '../task-assignment';
import type { UserTaskElement } from '../model';

describe('FEEL values and variable mappings', () => {
  it('evaluates =expressions and returns literals unchanged', () => {
    expect(evaluateValue('=a + 1', { a: 1 })).toBe(2);
    expect(evaluateValue('a + 1', { a: 1 })).toBe('a + 1');
    expect(evaluateValue('=date and time("2025-01-01T00:00:00Z") + duration("P1D")', {})).toBe('2025-01-02T00:00:00Z');
  });

  it('turns a syntax error into an incident naming the expression', () => {
    expect(() => evaluateValue('=a +', {})).toThrow(IncidentError);
    expect(() => evaluateValue('=a +', {})).toThrow(/"a \+" is not valid FEEL/);
  });

  it('counts a condition as met only when it is true, and explains missing variables', () => {
    expect(evaluateCondition('amount > 1', { amount: 2 }).met).toBe(true);
    expect(evaluateCondition('=amount > 1', { amount: 2 }).met).toBe(true);
    const missing = evaluateCondition('amount > 1', {});
    expect(missing.met).toBe(false);
    expect(missing.warnings.join()).toContain("Variable 'amount' not found");
  });

  it('writes dotted targets into nested objects without losing their other fields', () => {
    // given
    const variables = { order: { id: 7, status: 'new' } };

    // when
    const result = applyMappings(
      [
        { source: '="approved"', target: 'order.status' },
        { source: '=order.status + "!"', target: 'shout' },
      ],
      variables,
      { ...variables },
    );

    // then
    expect(result).toEqual({ order: { id: 7, status: 'approved' }, shout: 'approved!' });
    expect(variables.order.status).toBe('new');
  });
});

describe('user task assignment', () => {
  const task = (fields: Partial<UserTaskElement>): UserTaskElement => ({
    kind: 'userTask', id: 't', name: 'Check', incoming: [], outgoing: [], inputs: [], outputs: [], boundaryEvents: [], ...fields,
  });
  const now = new Date('2025-01-01T00:00:00Z');

  it('reads literal lists, FEEL lists and FEEL strings, and defaults the priority to 50', () => {
    const assignment = evaluateAssignment(
      task({ candidateGroups: 'quality, qa ,quality', candidateUsers: '=reviewers', assignee: '=owner', dueDate: '=due' }),
      { reviewers: ['alice', 'bob'], owner: 'carol', due: '2025-02-01T00:00:00Z' },
      now,
    );
    expect(assignment).toEqual({
      assignee: 'carol',
      candidateGroups: ['quality', 'qa'],
      candidateUsers: ['alice', 'bob'],
      dueAt: '2025-02-01T00:00:00.000Z',
      followUpAt: undefined,
      priority: 50,
    });
    expect(evaluateAssignment(task({ candidateUsers: '="a,b"' }), {}, now).candidateUsers).toEqual(['a', 'b']);
  });

  it('makes an incident of a priority out of range or a list of the wrong kind', () => {
    expect(() => evaluateAssignment(task({ priority: '120' }), {}, now)).toThrow(/priority must be a whole number from 0 to 100/);
    expect(() => evaluateAssignment(task({ candidateGroups: '={a: 1}' }), {}, now)).toThrow(IncidentError);
  });
});
