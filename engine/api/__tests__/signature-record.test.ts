import { describe, expect, it } from 'vitest';
import { allowedMeanings, canonicalJson, recordHash, type SignedRecord } from '../signature-record';

const record: SignedRecord = {
  taskId: 'task-1',
  instanceId: 'instance-1',
  variables: { decision: 'approve', reviewers: [{ name: 'bob', round: 1 }] },
  username: 'alice',
  meaning: 'approved',
  signedAt: new Date('2026-12-03T08:00:00.000Z'),
};

describe('the record a signature is linked to', () => {
  it('writes the same JSON for the same values whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('hashes equal records equally, and any change to the record, signer, meaning or time differently', () => {
    // given
    const hash = recordHash(record);
    const reordered = recordHash({ ...record, variables: { reviewers: [{ round: 1, name: 'bob' }], decision: 'approve' } });
    // when
    const changed = [
      { taskId: 'task-2' },
      { instanceId: 'instance-2' },
      { variables: { ...record.variables, decision: 'reject' } },
      { username: 'bob' },
      { meaning: 'rejected' },
      { signedAt: new Date('2026-12-03T08:00:00.001Z') },
    ].map((change) => recordHash({ ...record, ...change }));
    // then
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(reordered).toBe(hash);
    expect(new Set([hash, ...changed]).size).toBe(7);
  });

  it('offers the meanings the step names, else approved, reviewed and rejected', () => {
    expect(allowedMeanings('approved, rejected , approved')).toEqual(['approved', 'rejected']);
    expect(allowedMeanings('responsibility')).toEqual(['responsibility']);
    expect(allowedMeanings(undefined)).toEqual(['approved', 'reviewed', 'rejected']);
    expect(allowedMeanings(' , ')).toEqual(['approved', 'reviewed', 'rejected']);
  });
});
