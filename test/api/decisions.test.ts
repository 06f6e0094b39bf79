import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewBpmn } from './fixtures';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

const reviewLevelDmn = readFileSync(new URL('../fixtures/dmn/review-level.dmn', import.meta.url), 'utf8');
const reviewRoutingBpmn = readFileSync(new URL('../fixtures/dmn/review-routing.bpmn', import.meta.url), 'utf8');

describe('deploying DMN decisions', () => {
  let api: ApiHarness;
  let owner: string;
  let admin: string;
  let alice: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    owner = await api.login('owner');
    admin = await api.login('admin');
    alice = await api.login('alice');
  });
  afterAll(() => api.close());

  const deploy = (xml: string, token = owner) => api.request('POST', '/api/definitions', { token, rawBody: xml, contentType: 'application/xml' });

  it('stores each decision of a DMN file as version 1 in one deployment, and an unchanged redeploy makes no new version', async () => {
    // when
    const first = await deploy(reviewLevelDmn);
    const same = await deploy(reviewLevelDmn);
    // then
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      deploymentId: expect.any(String),
      decisions: [
        { id: expect.any(String), decisionId: 'riskScore', version: 1, name: 'Risk score', versionTag: null },
        { id: expect.any(String), decisionId: 'reviewLevel', version: 1, name: 'Review level', versionTag: 'v1' },
      ],
    });
    const rows = await api.db.decision.findMany({ orderBy: { decisionId: 'asc' } });
    expect(rows.map((row) => [row.decisionId, row.drgId, row.deploymentId, row.deployedBy])).toEqual([
      ['reviewLevel', 'ReviewLevelDrg', first.body.deploymentId, 'owner'],
      ['riskScore', 'ReviewLevelDrg', first.body.deploymentId, 'owner'],
    ]);
    expect(same.status).toBe(200);
    expect(same.body.decisions.map((d: { id: string }) => d.id)).toEqual(first.body.decisions.map((d: { id: string }) => d.id));
    expect(await api.db.decision.count()).toBe(2);
  });

  it('numbers the decisions of a changed file 2 and lists the latest versions and the versions of one decision', async () => {
    // given
    const changed = reviewLevelDmn.replace('"peer"', '"colleague"').replace('value="v1"', 'value="v2"');
    // when
    const second = await deploy(changed);
    const latest = await api.request('GET', '/api/decisions', { token: owner });
    const versions = await api.request('GET', '/api/decisions/reviewLevel', { token: admin });
    const missing = await api.request('GET', '/api/decisions/unknown', { token: owner });
    // then
    expect(second.status).toBe(201);
    expect(second.body.decisions.map((d: { version: number; versionTag: string | null }) => [d.version, d.versionTag])).toEqual([[2, null], [2, 'v2']]);
    expect(latest.status).toBe(200);
    expect(latest.body.items.map((d: { decisionId: string; version: number }) => [d.decisionId, d.version])).toEqual([['reviewLevel', 2], ['riskScore', 2]]);
    expect(versions.body.items.map((d: { version: number; versionTag: string | null }) => [d.version, d.versionTag])).toEqual([[2, 'v2'], [1, 'v1']]);
    expect(versions.body.items[0]).toMatchObject({ drgId: 'ReviewLevelDrg', deploymentId: second.body.deploymentId, deployedBy: 'owner', createdAt: expect.any(String) });
    expect(missing.status).toBe(404);
  });

  it('answers 422 with the DMN element ids of every problem', async () => {
    // given
    const broken = reviewLevelDmn
      .replace('<text>&gt;= 10</text>', '<text>[1..</text>')
      .replace('<requiredDecision href="#riskScore" />', '<requiredDecision href="#nowhere" />');
    // when
    const response = await deploy(broken);
    // then
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('The DMN file does not compile');
    expect(response.body.errors.map((e: { elementId: string }) => e.elementId)).toEqual(expect.arrayContaining(['ruleCriticalScore', 'reviewLevelNeedsRisk']));
  });

  it('lets only process owners and admins deploy and read decisions', async () => {
    expect((await deploy(reviewLevelDmn, alice)).status).toBe(403);
    expect((await api.request('GET', '/api/decisions', { token: alice })).status).toBe(403);
    expect((await api.request('GET', '/api/decisions/reviewLevel', { token: alice })).status).toBe(403);
    expect((await api.request('GET', '/api/decisions')).status).toBe(401);
  });

  it('still deploys BPMN through the same route, with a deployment id on the definition', async () => {
    // when
    const response = await deploy(reviewBpmn);
    // then
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ key: 'api-review', version: 1 });
    const row = await api.db.definition.findUniqueOrThrow({ where: { id: response.body.id } });
    expect(row.deploymentId).toEqual(expect.any(String));
  });

  it('deploys a process and its decisions together under one deployment id', async () => {
    // given
    const dmn = reviewLevelDmn.replace('"board"', '"executive board"');
    // when
    const response = await api.request('POST', '/api/deployments', {
      token: owner,
      body: { resources: [{ name: 'review-routing.bpmn', xml: reviewRoutingBpmn }, { name: 'review-level.dmn', xml: dmn }] },
    });
    // then
    expect(response.status).toBe(201);
    expect(response.body.processes).toEqual([expect.objectContaining({ key: 'review-routing', version: 1 })]);
    expect(response.body.decisions.map((d: { decisionId: string; version: number }) => [d.decisionId, d.version])).toEqual([['riskScore', 3], ['reviewLevel', 3]]);
    const process = await api.db.definition.findUniqueOrThrow({ where: { id: response.body.processes[0].id } });
    const decisions = await api.db.decision.findMany({ where: { version: 3 } });
    expect(process.deploymentId).toBe(response.body.deploymentId);
    expect(decisions.map((d) => d.deploymentId)).toEqual([response.body.deploymentId, response.body.deploymentId]);
  });

  it('stores nothing of a deployment when one resource does not compile, and names that resource', async () => {
    // given
    const broken = reviewLevelDmn.replace('<text>&gt;= 10</text>', '<text>&gt;=</text>').replace('"board"', '"audit board"');
    const before = await api.db.decision.count();
    // when
    const response = await api.request('POST', '/api/deployments', {
      token: owner,
      body: { resources: [{ name: 'ok.bpmn', xml: reviewRoutingBpmn.replace('name="Review routing"', 'name="Review routing 2"') }, { name: 'broken.dmn', xml: broken }] },
    });
    // then
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ resource: 'broken.dmn', elementId: 'ruleCriticalScore' })]);
    expect(await api.db.decision.count()).toBe(before);
    expect(await api.db.definition.count({ where: { key: 'review-routing' } })).toBe(1);
  });
});
