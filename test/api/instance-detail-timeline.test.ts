/**
 * The timeline builder on its own (pure): how steps without a recorded time are placed,
 * how a loop's repeated element is matched to its tasks, what is overdue, and the
 * Temporal UI address.
 */
import { describe, expect, it } from 'vitest';
import type { ApiDeps } from '../../engine/api/context';
import { temporalUiUrl } from '../../engine/api/instance-detail.service';
import { loadConfig } from '../../engine/config';
import { buildTimeline, type TimelineFacts } from '../../engine/api/instance-detail.timeline';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

function task(id: string, elementId: string, created: number, completed: number | null, extra: Partial<TimelineFacts['tasks'][number]> = {}): TimelineFacts['tasks'][number] {
  return { id, elementId, name: elementId, state: completed === null ? 'open' : 'completed', assignee: null, createdAt: at(created), completedAt: completed === null ? null : at(completed), completedBy: completed === null ? null : 'alice', dueAt: null, closeReason: null, ...extra };
}

const empty: Omit<TimelineFacts, 'instance' | 'tasks'> = { names: {}, escalations: [], incidents: [], waits: [], audit: [] };

describe('the timeline builder', () => {
  it('places each automatic step after the task or wait that came before it on the path, in path order', () => {
    // given start → review (twice, a rework loop) with a gateway after each, then a message wait and an end
    const facts: TimelineFacts = {
      ...empty,
      names: { start: 'Raised', check: 'OK?', end: 'Done' },
      instance: { startedAt: at(0), path: ['start', 'review', 'check', 'review', 'check', 'evidence', 'end'] },
      tasks: [task('t1', 'review', 1, 10), task('t2', 'review', 11, 20)],
      waits: [{ id: 'w1', kind: 'message', name: 'evidence', elementId: 'evidence', state: 'closed', createdAt: at(21), closedAt: at(30) }],
    };
    // when
    const entries = buildTimeline(facts, at(60));
    // then
    expect(entries.map((e) => e.id)).toEqual(['step:0', 'task:t1', 'step:2', 'task:t2', 'step:4', 'wait:w1', 'step:6']);
    expect(entries.map((e) => e.title)).toEqual(['Raised', 'review', 'OK?', 'review', 'OK?', 'Waited for the message "evidence"', 'Done']);
    expect(entries.find((e) => e.id === 'wait:w1')).toMatchObject({ durationMs: 9 * 60_000, endedAt: at(30).toISOString() });
  });

  it('marks a task overdue when it finished after its due date or is still open past it', () => {
    // given
    const facts: TimelineFacts = {
      ...empty,
      instance: { startedAt: at(0), path: [] },
      tasks: [
        task('late', 'a', 0, 30, { dueAt: at(20) }),
        task('inTime', 'b', 0, 10, { dueAt: at(20) }),
        task('openLate', 'c', 0, null, { dueAt: at(20) }),
        task('canceled', 'd', 0, null, { state: 'canceled', dueAt: at(20), closeReason: 'instance canceled' }),
      ],
    };
    // when
    const entries = buildTimeline(facts, at(25));
    // then
    expect(Object.fromEntries(entries.map((e) => [e.taskId, e.overdue]))).toEqual({ late: true, inTime: false, openLate: true, canceled: false });
    expect(entries.find((e) => e.taskId === 'canceled')).toMatchObject({ state: 'canceled', detail: 'instance canceled', durationMs: null });
  });

  it('keeps audit entries that rows already show out, and ends with the end of the instance', () => {
    // given
    const facts: TimelineFacts = {
      ...empty,
      instance: { startedAt: at(0), path: ['start', 'end'] },
      tasks: [],
      audit: [
        { id: 'a3', at: at(5), actor: 'system', action: 'instance.completed', taskId: null, details: '{}' },
        { id: 'a1', at: at(0), actor: 'bob', action: 'instance.started', taskId: null, details: '{}' },
        { id: 'a2', at: at(1), actor: 'system', action: 'incident.raised', taskId: null, details: '{}' },
      ],
    };
    // when
    const entries = buildTimeline(facts, at(9));
    // then the automatic steps have no time of their own and sit between start and end
    expect(entries.map((e) => e.id)).toEqual(['event:a1', 'step:0', 'step:1', 'event:a3']);
    expect(entries[1].at).toBeNull();
  });

  it('links to the instance in the Temporal UI the configuration names, and nowhere when none is known', () => {
    const temporal = { options: { namespace: 'qms' } } as unknown as ApiDeps['temporal'];
    const ui = (env: NodeJS.ProcessEnv) => ({ temporal, temporalUiUrl: loadConfig(env).temporalUiUrl });
    expect(temporalUiUrl(ui({ QUALFLOW_TEMPORAL_UI_URL: 'https://temporal.example.com/' }), 'i-1')).toBe('https://temporal.example.com/namespaces/qms/workflows/i-1');
    expect(temporalUiUrl(ui({}), 'i 2'), "the dev server's UI").toBe('http://localhost:8233/namespaces/qms/workflows/i%202');
    expect(temporalUiUrl(ui({ QUALFLOW_TEMPORAL_PORT: '17233' }), 'i-3'), 'its UI moves with the dev server').toBe('http://localhost:18233/namespaces/qms/workflows/i-3');
    expect(temporalUiUrl(ui({ TEMPORAL_ADDRESS: 'temporal.internal:7233' }), 'i-4'), 'a cluster whose UI nobody named').toBeNull();
  });
});
