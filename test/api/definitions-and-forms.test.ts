import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployDefinition } from '../../engine/api/definition.service';
import { deployForm } from '../../engine/api/form.service';
import { reviewBpmn, reviewForm } from './fixtures';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

describe('deploying definitions and forms', () => {
  let api: ApiHarness;
  let owner: string;
  let alice: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    owner = await api.login('owner');
    alice = await api.login('alice');
  });
  afterAll(() => api.close());

  const deploy = (xml: string, token = owner, contentType = 'application/xml') =>
    api.request('POST', '/api/definitions', { token, rawBody: xml, contentType });

  it('deploys BPMN XML as version 1, returns the same version for identical XML, and numbers a change 2', async () => {
    // when
    const first = await deploy(reviewBpmn);
    const same = await deploy(reviewBpmn, owner, 'text/xml');
    const changed = await deploy(reviewBpmn.replace('name="API review"', 'name="API review (rev B)"'));
    // then
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), key: 'api-review', version: 1, name: 'API review' });
    expect(same.status).toBe(200);
    expect(same.body.id).toBe(first.body.id);
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ key: 'api-review', version: 2, name: 'API review (rev B)' });
    expect((await api.db.definition.findFirstOrThrow({ where: { id: first.body.id } })).deployedBy).toBe('owner');
  });

  it('lists the latest version per key, the versions of a key and the XML of any version', async () => {
    // when
    const latest = await api.request('GET', '/api/definitions', { token: alice });
    const versions = await api.request('GET', '/api/definitions/api-review', { token: alice });
    const xml = await api.request('GET', '/api/definitions/api-review/xml?version=1', { token: alice });
    const missing = await api.request('GET', '/api/definitions/unknown', { token: alice });
    // then
    expect(latest.body.items).toEqual([expect.objectContaining({ key: 'api-review', version: 2 })]);
    expect(versions.body.items.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toContain('application/xml');
    expect(xml.text).toBe(reviewBpmn);
    expect(missing.status).toBe(404);
  });

  it('answers 422 with the compiler diagnostics for a diagram that does not compile', async () => {
    // given
    const broken = reviewBpmn.replace('<bpmn:userTask id="Task_Review"', '<bpmn:manualTask id="Task_Review"').replace('</bpmn:userTask>', '</bpmn:manualTask>');
    // when
    const response = await deploy(broken);
    // then
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'Task_Review' })]));
  });

  it('refuses XML sent as JSON, and deployments by staff', async () => {
    expect((await deploy(reviewBpmn, owner, 'application/json')).status).toBe(400);
    expect((await deploy(reviewBpmn, owner, 'text/plain')).status).toBe(415);
    expect((await deploy(reviewBpmn, alice)).status).toBe(403);
  });

  it('deploys forms with versions and serves the latest', async () => {
    // when
    const first = await api.request('POST', '/api/forms', { token: owner, body: reviewForm });
    const same = await api.request('POST', '/api/forms', { token: owner, body: reviewForm });
    const second = await api.request('POST', '/api/forms', { token: owner, body: { ...reviewForm, components: [] } });
    const read = await api.request('GET', '/api/forms/api-review-form', { token: alice });
    const noId = await api.request('POST', '/api/forms', { token: owner, body: { components: [] } });
    // then
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ formId: 'api-review-form', version: 1 });
    expect(same.status).toBe(200);
    expect(second.body.version).toBe(2);
    expect(read.body).toMatchObject({ formId: 'api-review-form', version: 2, schema: { components: [] } });
    expect(noId.status).toBe(400);
  });

  it('exports deployDefinition and deployForm for the seed and the CLI', async () => {
    // when
    const definition = await deployDefinition(api.db, reviewBpmn.replace(/api-review/g, 'cli-review'), 'cli');
    const form = await deployForm(api.db, { id: 'cli-form', components: [] });
    // then
    expect(definition).toMatchObject({ ok: true, definition: { key: 'cli-review', version: 1 } });
    expect(form).toMatchObject({ formId: 'cli-form', version: 1 });
  });
});
