/**
 * The designer's server-side drafts: process owners and admins save diagrams while they
 * draw (autosave), see their own drafts and those of processes they own, and nobody
 * else's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearProcess } from '../browser/versions-fixtures';
import { PASSWORD, seedPeople, startApi, type ApiHarness } from './support/api-harness';

const ownedByOwner = linearProcess('drafted-review', 'Drafted review', [{ id: 'Review', name: 'Review' }]);

describe('drafts', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'alice']) tokens[who] = await api.login(who);
    const olga = { username: 'olga', name: 'Olga Other-Owner', email: 'olga@example.com', password: PASSWORD, roles: ['owner'] };
    expect((await api.request('POST', '/api/users', { token: tokens.admin, body: olga })).status).toBe(201);
    tokens.olga = await api.login('olga');
    const deployed = await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: ownedByOwner, contentType: 'application/xml' });
    expect(deployed.status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  const create = (who: string, body: Record<string, unknown>) => api.request('POST', '/api/drafts', { token: tokens[who], body });
  const listIds = async (who: string) => (await api.request('GET', '/api/drafts', { token: tokens[who] })).body.items.map((d: { id: string }) => d.id);

  it('saves a draft, reads it back with its XML and lists it without the XML', async () => {
    // when
    const created = await create('owner', { name: 'New CAPA', xml: ownedByOwner, processKey: 'drafted-review', baseVersion: 1 });
    // then
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'New CAPA', processKey: 'drafted-review', baseVersion: 1, createdBy: 'owner', xml: ownedByOwner });
    const read = await api.request('GET', `/api/drafts/${created.body.id}`, { token: tokens.owner });
    expect(read.body.xml).toBe(ownedByOwner);
    const list = await api.request('GET', '/api/drafts', { token: tokens.owner });
    const listed = list.body.items.find((d: { id: string }) => d.id === created.body.id);
    expect(listed).toMatchObject({ name: 'New CAPA' });
    expect(listed.xml).toBeUndefined();
  });

  it('autosaves idempotently: the same save twice leaves the draft as the first left it', async () => {
    // given
    const created = await create('owner', { name: 'Autosaved', xml: ownedByOwner });
    const changedXml = ownedByOwner.replace('name="Review"', 'name="Review twice"');
    // when
    const first = await api.request('PUT', `/api/drafts/${created.body.id}`, { token: tokens.owner, body: { xml: changedXml, name: 'Autosaved B' } });
    const second = await api.request('PUT', `/api/drafts/${created.body.id}`, { token: tokens.owner, body: { xml: changedXml, name: 'Autosaved B' } });
    // then
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: 'Autosaved B', xml: changedXml });
    expect(second.body).toEqual(first.body);
    const read = await api.request('GET', `/api/drafts/${created.body.id}`, { token: tokens.owner });
    expect(read.body.xml).toBe(changedXml);
  });

  it("shows another owner's draft of my process to me, but not their other drafts", async () => {
    // given
    const ofMyProcess = await create('olga', { name: 'Olga on my process', xml: ownedByOwner, processKey: 'drafted-review' });
    const ofHerOwn = await create('olga', { name: 'Olga alone', xml: ownedByOwner, processKey: 'not-deployed-yet' });
    // when
    const mine = await listIds('owner');
    // then
    expect(mine).toContain(ofMyProcess.body.id);
    expect(mine).not.toContain(ofHerOwn.body.id);
    expect((await api.request('GET', `/api/drafts/${ofHerOwn.body.id}`, { token: tokens.owner })).status).toBe(404);
    expect((await api.request('PUT', `/api/drafts/${ofHerOwn.body.id}`, { token: tokens.owner, body: { xml: 'x' } })).status).toBe(404);
    expect((await api.request('GET', `/api/drafts/${ofMyProcess.body.id}`, { token: tokens.owner })).status).toBe(200);
  });

  it("keeps one owner's drafts of an unowned process from another owner, and shows all to admins", async () => {
    // given
    const ownersDraft = await create('owner', { name: 'Private', xml: ownedByOwner });
    // then
    expect(await listIds('olga')).not.toContain(ownersDraft.body.id);
    expect((await api.request('GET', `/api/drafts/${ownersDraft.body.id}`, { token: tokens.olga })).status).toBe(404);
    expect(await listIds('admin')).toContain(ownersDraft.body.id);
  });

  it('filters the list by process key', async () => {
    // given
    const keyed = await create('owner', { name: 'Keyed', xml: ownedByOwner, processKey: 'drafted-review' });
    const unkeyed = await create('owner', { name: 'Unkeyed', xml: ownedByOwner });
    // when
    const list = await api.request('GET', '/api/drafts?processKey=drafted-review', { token: tokens.owner });
    // then
    const ids = list.body.items.map((d: { id: string }) => d.id);
    expect(ids).toContain(keyed.body.id);
    expect(ids).not.toContain(unkeyed.body.id);
  });

  it('deletes a draft', async () => {
    // given
    const created = await create('owner', { name: 'To delete', xml: ownedByOwner });
    // when
    const deleted = await api.request('DELETE', `/api/drafts/${created.body.id}`, { token: tokens.owner });
    // then
    expect(deleted.status).toBe(204);
    expect((await api.request('GET', `/api/drafts/${created.body.id}`, { token: tokens.owner })).status).toBe(404);
  });

  it('refuses staff and invalid drafts', async () => {
    // when
    const asStaff = await create('alice', { name: 'Nope', xml: ownedByOwner });
    const staffList = await api.request('GET', '/api/drafts', { token: tokens.alice });
    const empty = await create('owner', { name: 'Empty', xml: '' });
    const nameless = await create('owner', { name: ' ', xml: ownedByOwner });
    // then
    expect(asStaff.status).toBe(403);
    expect(staffList.status).toBe(403);
    expect(empty.status).toBe(400);
    expect(nameless.status).toBe(400);
  });
});
