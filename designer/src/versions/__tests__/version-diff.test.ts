/** The version diff over real BPMN read with bpmn-moddle (no browser needed). */
import { describe, expect, it } from 'vitest';
import { linearProcess } from '../../../../test/browser/versions-fixtures';
import { diffVersions, typeLabel } from '../version-diff';

describe('version diff', () => {
  it('marks added, removed, changed and only moved elements on the right diagram', async () => {
    // given
    const from = linearProcess('diffed', 'Diffed', [
      { id: 'Review', name: 'Review' },
      { id: 'Check', name: 'Check' },
      { id: 'Archive', name: 'Archive' },
    ]);
    const to = linearProcess('diffed', 'Diffed', [
      { id: 'Review', name: 'Review the change' },
      { id: 'Check', name: 'Check', shiftX: 40 },
      { id: 'Approve', name: 'Approve' },
    ]);
    // when
    const result = await diffVersions(from, to);
    // then
    const kindOf = (id: string) => result.changes.find((change) => change.id === id)?.kind;
    expect(kindOf('Approve')).toBe('added');
    expect(kindOf('Archive')).toBe('removed');
    expect(kindOf('Review')).toBe('changed');
    expect(kindOf('Check')).toBe('layout');
    expect(result.changes.find((change) => change.id === 'Review')?.details).toContain('name: "Review" → "Review the change"');
    expect(result.toMarkers.get('Approve')).toBe('qf-diff-added');
    expect(result.fromMarkers.has('Approve')).toBe(false);
    expect(result.fromMarkers.get('Archive')).toBe('qf-diff-removed');
    expect(result.toMarkers.has('Archive')).toBe(false);
    expect(result.fromMarkers.get('Review')).toBe('qf-diff-changed');
    expect(result.toMarkers.get('Check')).toBe('qf-diff-layout');
  });

  it('says which extension property of a changed step changed, old and new', async () => {
    // given
    const from = linearProcess('regrouped', 'Regrouped', [{ id: 'Review', name: 'Review' }]);
    const to = linearProcess('regrouped', 'Regrouped', [{ id: 'Review', name: 'Review', group: 'document-control' }]);
    // when
    const result = await diffVersions(from, to);
    // then
    expect(result.changes).toEqual([
      { id: 'Review', kind: 'changed', type: 'User task', name: 'Review', details: ['assignmentDefinition.candidateGroups: "quality" → "document-control"'] },
    ]);
  });

  it('finds nothing between a version and itself', async () => {
    const xml = linearProcess('same', 'Same', [{ id: 'Review', name: 'Review' }]);
    expect((await diffVersions(xml, xml)).changes).toEqual([]);
  });

  it('names element types for people', () => {
    expect(typeLabel('bpmn:UserTask')).toBe('User task');
    expect(typeLabel('bpmn:SequenceFlow')).toBe('Sequence flow');
  });
});
