import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client';
import { describeError, fieldErrors } from '../src/api/error-text';

describe('error text', () => {
  it('names each rejected field by its form label', () => {
    // given
    const error = new ApiError(422, { message: 'Invalid', errors: [{ field: 'title', message: 'is required' }] });
    // when
    const text = describeError(error, { title: 'Document title' });
    // then
    expect(text).toEqual({ title: 'Some values were rejected:', details: ['Document title: is required'] });
  });

  it('reads the field errors of Qualflow’s 422 answer', () => {
    // given
    const error = new ApiError(422, {
      error: 'The variables do not satisfy the task form',
      details: [{ path: 'changeReason', message: 'is required' }],
    });
    // when / then
    expect(describeError(error, { changeReason: 'Reason for change' })).toEqual({
      title: 'Some values were rejected:',
      details: ['Reason for change: is required'],
    });
  });

  it('reads field errors from zod issues and from a field map', () => {
    // given / when / then
    expect(fieldErrors({ issues: [{ path: ['variables', 'amount'], message: 'Expected number' }] })).toEqual([
      { field: 'variables.amount', message: 'Expected number' },
    ]);
    expect(fieldErrors({ errors: { reason: ['too short', 'required'] } })).toEqual([
      { field: 'reason', message: 'too short, required' },
    ]);
  });

  it('says plainly that a task was already completed (409) or is not mine (403)', () => {
    // given
    const conflict = new ApiError(409, { message: 'Task is already completed' });
    const forbidden = new ApiError(403, { error: 'Task is assigned to bob' });
    // when / then
    expect(describeError(conflict).title).toBe('Conflict: Task is already completed');
    expect(describeError(forbidden).title).toBe('Not allowed: Task is assigned to bob');
  });

  it('tells the user the server cannot be reached when the network fails', () => {
    // given / when
    const text = describeError(new TypeError('Failed to fetch'));
    // then
    expect(text.title).toMatch(/Cannot reach the Qualflow server/);
  });
});
