import { describe, expect, it } from 'vitest';
import { elementMarkers, takenFlows } from '../src/instances/diagram-markers';

describe('diagram markers', () => {
  it('marks the path completed, waiting elements active and incidents red, in that order of precedence', () => {
    // given: the draft was reworked, so it is both on the path and active again
    const instance = {
      path: ['Start', 'Draft', 'Check', 'Gateway'],
      activeElements: ['Draft', 'Notify'],
      incidents: [{ id: 'i1', elementId: 'Notify', message: 'handler failed', createdAt: '2026-03-01T00:00:00Z' }],
    };
    // when
    const markers = elementMarkers(instance);
    // then
    expect(Object.fromEntries(markers)).toEqual({
      Start: 'qf-completed',
      Draft: 'qf-active',
      Check: 'qf-completed',
      Gateway: 'qf-completed',
      Notify: 'qf-incident',
    });
  });

  it('draws a flow as taken only when it leaves a completed element towards a reached one', () => {
    // given
    const markers = elementMarkers({ path: ['Start', 'A'], activeElements: ['B'], incidents: [] });
    const flows = [
      { id: 'f1', sourceId: 'Start', targetId: 'A' },
      { id: 'f2', sourceId: 'A', targetId: 'B' },
      { id: 'f3', sourceId: 'A', targetId: 'C' },
      { id: 'f4', sourceId: 'B', targetId: 'End' },
    ];
    // when / then
    expect(takenFlows(flows, markers)).toEqual(['f1', 'f2']);
  });
});
