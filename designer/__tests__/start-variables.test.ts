import { describe, expect, it } from 'vitest';
import { latestVersions } from '../src/processes/latest-versions';
import { parseVariables } from '../src/processes/parse-variables';

describe('starting a process', () => {
  it('accepts empty variables or a JSON object, and explains anything else', () => {
    // given / when / then
    expect(parseVariables('  ')).toEqual({ ok: true, variables: undefined });
    expect(parseVariables('{"amount": 5}')).toEqual({ ok: true, variables: { amount: 5 } });
    expect(parseVariables('[1]')).toMatchObject({ ok: false, message: expect.stringMatching(/JSON object/) });
    expect(parseVariables('{"amount": ')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
  });

  it('offers only the newest version of each process, by name', () => {
    // given
    const definitions = [
      { key: 'capa', version: 1, name: 'CAPA' },
      { key: 'doc', version: 1, name: 'Document approval' },
      { key: 'doc', version: 3, name: 'Document approval' },
      { key: 'doc', version: 2, name: 'Document approval' },
    ];
    // when / then
    expect(latestVersions(definitions).map((d) => `${d.key}@${d.version}`)).toEqual(['capa@1', 'doc@3']);
  });
});
