import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../api';
import { actionLabel, entryFacts } from '../describe-entry';

const entry = (action: string, details: Record<string, unknown>): AuditEntry => ({
  id: 'e1',
  at: '2026-12-03T08:00:00.000Z',
  actor: 'admin',
  action,
  instanceId: 'i1',
  taskId: 't1',
  details,
});

describe('audit entries in words', () => {
  it('names known actions and keeps unknown ones as they are', () => {
    expect(actionLabel('task.reassigned')).toBe('Reassigned');
    expect(actionLabel('signature.failed')).toBe('Signing refused');
    expect(actionLabel('form.saved')).toBe('form.saved');
  });

  it('lists the facts that matter in a fixed order, skipping empty ones and ids', () => {
    const reassigned = entry('task.reassigned', { reason: 'alice is busy', to: 'carol', from: 'alice', candidateGroup: null, elementId: 'Task_1' });
    expect(entryFacts(reassigned)).toBe('to: carol · from: alice · reason: alice is busy');
    expect(entryFacts(entry('task.escalated', { level: 2, notified: ['manager'] }))).toBe('level: 2');
  });
});
