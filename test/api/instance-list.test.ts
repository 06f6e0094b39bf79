/**
 * GET /api/instances filters (process, version, status, business key, started between,
 * has incident, overdue), GET /api/instances.csv, and who sees which instance: staff
 * what they started or worked on, managers also their reports', process owners their
 * processes, people given a process that process, admins everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertDefinition, insertIncident, insertInstanceRow } from './support/monitor-rows';
import { insertTask } from './support/rows';

const DAY = 24 * 60 * 60 * 1000;
type Who = 'admin' | 'owner' | 'manager' | 'alice' | 'bob' | 'carol' | 'outsider';

describe('instance list', () => {
  let api: ApiHarness;
  const tokens = {} as Record<Who, string>;
  const ids: Record<string, string> = {};
  const now = Date.now();

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'manager', 'alice', 'bob', 'carol', 'outsider'] as Who[]) tokens[who] = await api.login(who);
    // given: capa owned by `owner` (qualflow:owner), doc-review deployed by `owner` without an owner, audit owned by carol
    await insertDefinition(api.db, { key: 'capa', owner: 'owner', deployedBy: 'admin' });
    await insertDefinition(api.db, { key: 'doc-review', deployedBy: 'owner' });
    await insertDefinition(api.db, { key: 'audit', version: 1, owner: 'owner' });
    await insertDefinition(api.db, { key: 'audit', version: 2, owner: 'carol' });
    ids.capaAlice = await insertInstanceRow(api.db, { processKey: 'capa', version: 1, businessKey: 'CAPA-2026-001', startedBy: 'alice', startedAt: new Date(now - 20 * DAY) });
    ids.capaV2 = await insertInstanceRow(api.db, { processKey: 'capa', version: 2, businessKey: 'CAPA-2026-002', startedBy: 'carol', startedAt: new Date(now - 5 * DAY) });
    ids.docDone = await insertInstanceRow(api.db, { processKey: 'doc-review', status: 'completed', businessKey: 'SOP-QA-0012', startedBy: 'carol', startedAt: new Date(now - 40 * DAY), endedAt: new Date(now - 30 * DAY) });
    ids.auditIncident = await insertInstanceRow(api.db, { processKey: 'audit', status: 'incident', businessKey: '=HYPERLINK("http://evil")', startedBy: 'outsider', startedAt: new Date(now - 2 * DAY) });
    ids.bobWorked = await insertInstanceRow(api.db, { processKey: 'supplier', startedBy: 'carol', startedAt: new Date(now - 1 * DAY) });
    await insertIncident(api.db, ids.auditIncident);
    await insertIncident(api.db, ids.capaV2, 'resolved');
    await insertTask(api.db, { instanceId: ids.capaV2, processKey: 'capa', assignee: 'carol', dueAt: new Date(now - DAY) });
    await insertTask(api.db, { instanceId: ids.capaAlice, processKey: 'capa', assignee: 'alice', dueAt: new Date(now + DAY) });
    await insertTask(api.db, { instanceId: ids.bobWorked, processKey: 'supplier', state: 'completed', completedBy: 'bob' });
  });
  afterAll(() => api.close());

  const list = async (who: Who, query = '') => {
    const response = await api.request('GET', `/api/instances${query}`, { token: tokens[who] });
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(response.body.items.length);
    return (response.body.items as { id: string }[]).map((item) => item.id).sort();
  };
  const idsOf = (...names: string[]) => names.map((name) => ids[name]).sort();

  describe('filters', () => {
    it('narrows to one process and one of its versions', async () => {
      expect(await list('admin', '?processKey=capa')).toEqual(idsOf('capaAlice', 'capaV2'));
      expect(await list('admin', '?processKey=capa&version=2')).toEqual(idsOf('capaV2'));
    });

    it('narrows by status and by part of the business key', async () => {
      expect(await list('admin', '?status=completed')).toEqual(idsOf('docDone'));
      expect(await list('admin', '?status=open')).toEqual(idsOf('capaAlice', 'capaV2', 'auditIncident', 'bobWorked'));
      expect(await list('admin', '?businessKey=CAPA-2026')).toEqual(idsOf('capaAlice', 'capaV2'));
    });

    it('narrows to instances started between two instants', async () => {
      const after = encodeURIComponent(new Date(now - 10 * DAY).toISOString());
      const before = encodeURIComponent(new Date(now - 1.5 * DAY).toISOString());
      expect(await list('admin', `?startedAfter=${after}&startedBefore=${before}`)).toEqual(idsOf('capaV2', 'auditIncident'));
      const endedAfter = encodeURIComponent(new Date(now - 35 * DAY).toISOString());
      expect(await list('admin', `?endedAfter=${endedAfter}`)).toEqual(idsOf('docDone'));
    });

    it('finds instances with and without an open incident (a resolved one does not count)', async () => {
      expect(await list('admin', '?hasIncident=true')).toEqual(idsOf('auditIncident'));
      expect(await list('admin', '?hasIncident=false')).toEqual(idsOf('capaAlice', 'capaV2', 'docDone', 'bobWorked'));
    });

    it('finds instances with and without an open overdue task', async () => {
      expect(await list('admin', '?overdue=true')).toEqual(idsOf('capaV2'));
      expect(await list('admin', '?overdue=false')).toEqual(idsOf('capaAlice', 'docDone', 'auditIncident', 'bobWorked'));
    });

    it('refuses a filter value that is not valid', async () => {
      const response = await api.request('GET', '/api/instances?startedAfter=yesterday', { token: tokens.admin });
      expect(response.status).toBe(400);
    });
  });

  describe('who sees which instance', () => {
    it('shows staff the instances they started or worked on', async () => {
      expect(await list('alice')).toEqual(idsOf('capaAlice'));
      expect(await list('bob')).toEqual(idsOf('bobWorked'));
    });

    it("shows a manager their reports' instances", async () => {
      expect(await list('manager')).toEqual(idsOf('capaAlice', 'bobWorked'));
    });

    it('shows a process owner every instance of the processes they own, by qualflow:owner or as deployer, latest version deciding', async () => {
      // owner owns capa (qualflow:owner) and doc-review (deployer); audit's latest version names carol
      expect(await list('owner')).toEqual(idsOf('capaAlice', 'capaV2', 'docDone'));
      expect(await list('carol')).toEqual(idsOf('capaV2', 'docDone', 'auditIncident', 'bobWorked'));
    });

    it('shows everything to an admin and nothing of others to an outsider', async () => {
      expect(await list('admin')).toHaveLength(5);
      expect(await list('outsider')).toEqual(idsOf('auditIncident'));
    });

    it('answers 404 for one instance outside the scope and 200 inside it', async () => {
      expect((await api.request('GET', `/api/instances/${ids.docDone}`, { token: tokens.owner })).status).toBe(200);
      expect((await api.request('GET', `/api/instances/${ids.docDone}`, { token: tokens.alice })).status).toBe(404);
    });
  });

  describe('processes given to someone', () => {
    it('lets the owner give a process to a manager, who then sees all its instances until it is taken back', async () => {
      // given
      expect(await list('manager', '?processKey=doc-review')).toEqual([]);
      // when
      const given = await api.request('PUT', '/api/definitions/doc-review/grants/manager', { token: tokens.owner });
      // then
      expect(given.status).toBe(204);
      expect(await list('manager', '?processKey=doc-review')).toEqual(idsOf('docDone'));
      const grants = await api.request('GET', '/api/definitions/doc-review/grants', { token: tokens.owner });
      expect(grants.body.items).toEqual([expect.objectContaining({ username: 'manager', grantedBy: 'owner' })]);
      const audit = await api.db.auditEntry.findMany({ where: { action: 'process.granted' } });
      expect(audit.map((entry) => JSON.parse(entry.details))).toEqual([{ processKey: 'doc-review', username: 'manager' }]);
      // when
      const taken = await api.request('DELETE', '/api/definitions/doc-review/grants/manager', { token: tokens.owner });
      // then
      expect(taken.status).toBe(204);
      expect(await list('manager', '?processKey=doc-review')).toEqual([]);
    });

    it('lets only admins and the process owner give a process', async () => {
      expect((await api.request('PUT', '/api/definitions/doc-review/grants/alice', { token: tokens.manager })).status).toBe(403);
      expect((await api.request('PUT', '/api/definitions/doc-review/grants/alice', { token: tokens.carol })).status).toBe(403);
      expect((await api.request('PUT', '/api/definitions/doc-review/grants/alice', { token: tokens.admin })).status).toBe(204);
      expect((await api.request('PUT', '/api/definitions/nope/grants/alice', { token: tokens.admin })).status).toBe(404);
      expect((await api.request('PUT', '/api/definitions/doc-review/grants/nobody', { token: tokens.admin })).status).toBe(400);
      await api.request('DELETE', '/api/definitions/doc-review/grants/alice', { token: tokens.admin });
    });
  });

  describe('CSV export', () => {
    it('exports the filtered list with a header row, as a download', async () => {
      // when
      const response = await api.request('GET', '/api/instances.csv?processKey=capa&sort=startedAt', { token: tokens.admin });
      // then
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain('attachment');
      const lines = response.text.trim().split('\r\n');
      expect(lines[0]).toBe('id,processKey,version,businessKey,status,startedBy,startedAt,endedAt');
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([`"${ids.capaAlice}"`, `"${ids.capaV2}"`]);
      expect(lines[1]).toContain('"capa",1,"CAPA-2026-001","active","alice"');
    });

    it('neutralises cells a spreadsheet would run as a formula', async () => {
      const response = await api.request('GET', '/api/instances.csv?processKey=audit', { token: tokens.admin });
      expect(response.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
      expect(response.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    });

    it('exports only what the caller may see', async () => {
      const response = await api.request('GET', '/api/instances.csv', { token: tokens.alice });
      const lines = response.text.trim().split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(ids.capaAlice);
    });
  });
});
