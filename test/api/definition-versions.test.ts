/**
 * The designer's view of deployed processes: version history (who deployed what, when),
 * the XML of any version, and the QMS templates offered by "New from template".
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileOrThrow } from '../../engine/compiler/index';
import { linearProcess } from '../browser/versions-fixtures';
import { PASSWORD, seedPeople, startApi, type ApiHarness } from './support/api-harness';

const v1 = linearProcess('versioned-review', 'Versioned review', [{ id: 'Review', name: 'Review' }]);
const v2 = linearProcess('versioned-review', 'Versioned review', [
  { id: 'Review', name: 'Review the change' },
  { id: 'Approve', name: 'Approve' },
]);

describe('definition versions and templates', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'alice']) tokens[who] = await api.login(who);
    const olga = { username: 'olga', name: 'Olga', email: 'olga@example.com', password: PASSWORD, roles: ['owner'] };
    expect((await api.request('POST', '/api/users', { token: tokens.admin, body: olga })).status).toBe(201);
    tokens.olga = await api.login('olga');
    const deploy = (who: string, xml: string) => api.request('POST', '/api/definitions', { token: tokens[who], rawBody: xml, contentType: 'application/xml' });
    expect((await deploy('owner', v1)).status).toBe(201);
    expect((await deploy('olga', v2)).status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists who deployed which version, newest first, with the hash of its XML', async () => {
    // when
    const history = await api.request('GET', '/api/definitions/versioned-review/versions', { token: tokens.alice });
    // then
    expect(history.status).toBe(200);
    expect(history.body.key).toBe('versioned-review');
    expect(history.body.items.map((v: any) => [v.version, v.deployedBy])).toEqual([
      [2, 'olga'],
      [1, 'owner'],
    ]);
    expect(history.body.items[1].hash).toBe(createHash('sha256').update(v1).digest('hex'));
    expect(Date.parse(history.body.items[0].createdAt)).not.toBeNaN();
    expect(history.body.items[0]).toHaveProperty('versionTag', null);
  });

  it('names each version\'s owner: the one the process names, else whoever deployed it', async () => {
    // given a process naming alice as its owner, deployed by owner
    const named = linearProcess('owned-review', 'Owned review', [{ id: 'Review', name: 'Review' }])
      .replace('xmlns:zeebe=', 'xmlns:qualflow="http://qualflow.dev/schema/bpmn" xmlns:zeebe=')
      .replace('<bpmn:process id="owned-review"', '<bpmn:process id="owned-review" qualflow:owner="alice"');
    expect((await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: named, contentType: 'application/xml' })).status).toBe(201);
    // when
    const history = await api.request('GET', '/api/definitions/versioned-review', { token: tokens.alice });
    const latest = await api.request('GET', '/api/definitions', { token: tokens.alice });
    // then
    expect(history.body.items.map((v: any) => [v.version, v.owner])).toEqual([
      [2, 'olga'],
      [1, 'owner'],
    ]);
    const owners = Object.fromEntries(latest.body.items.map((d: any) => [d.key, [d.owner, d.deployedBy]]));
    expect(owners['owned-review']).toEqual(['alice', 'owner']);
    expect(owners['versioned-review']).toEqual(['olga', 'olga']);
  });

  it('returns the XML of each version', async () => {
    // when
    const first = await api.request('GET', '/api/definitions/versioned-review/versions/1/xml', { token: tokens.owner });
    const second = await api.request('GET', '/api/definitions/versioned-review/versions/2/xml', { token: tokens.owner });
    const missing = await api.request('GET', '/api/definitions/versioned-review/versions/3/xml', { token: tokens.owner });
    // then
    expect(first.text).toBe(v1);
    expect(second.text).toBe(v2);
    expect(first.headers.get('content-type')).toContain('application/xml');
    expect(missing.status).toBe(404);
  });

  it('answers 404 for an unknown process', async () => {
    const history = await api.request('GET', '/api/definitions/no-such-process/versions', { token: tokens.owner });
    expect(history.status).toBe(404);
  });

  it('offers the three QMS templates, each compiling, to process owners only', async () => {
    // when
    const templates = await api.request('GET', '/api/templates', { token: tokens.owner });
    const asStaff = await api.request('GET', '/api/templates', { token: tokens.alice });
    // then
    expect(asStaff.status).toBe(403);
    expect(templates.body.items.map((t: any) => t.key)).toEqual(['document-approval', 'capa', 'management-review']);
    for (const template of templates.body.items) {
      expect(template.description).not.toBe('');
      expect((await compileOrThrow(template.xml)).id).toBe(template.key);
    }
  });
});
