import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

const capaForm = (label = 'Root cause') => ({
  id: 'capa-root-cause',
  type: 'default',
  components: [
    { type: 'text', id: 'Heading', text: '# CAPA root cause' },
    { type: 'textarea', id: 'RootCause', key: 'rootCause', label, validate: { required: true, minLength: 10 } },
    { type: 'select', id: 'Method', key: 'method', label: 'Method', values: [{ label: '5 whys', value: 'five-whys' }] },
  ],
});

describe('saving forms from the form editor', () => {
  let api: ApiHarness;
  let owner: string;
  let admin: string;
  let alice: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    [owner, admin, alice] = await Promise.all([api.login('owner'), api.login('admin'), api.login('alice')]);
  });
  afterAll(() => api.close());

  const save = (formId: string, schema: unknown, token = owner) => api.request('PUT', `/api/forms/${formId}`, { token, body: { schema } });

  it('saves a new form as version 1, a changed one as version 2, and an unchanged one as nothing new', async () => {
    // when
    const first = await save('capa-root-cause', capaForm());
    const same = await save('capa-root-cause', capaForm());
    const changed = await save('capa-root-cause', capaForm('Root cause (5 whys)'), admin);
    // then
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ formId: 'capa-root-cause', version: 1, changed: true });
    expect(same.body).toEqual({ formId: 'capa-root-cause', version: 1, changed: false });
    expect(changed.body).toEqual({ formId: 'capa-root-cause', version: 2, changed: true });
    const latest = await api.request('GET', '/api/forms/capa-root-cause', { token: alice });
    expect(latest.body.schema.components[1].label).toBe('Root cause (5 whys)');
  });

  it('writes one audit entry per saved version, naming who saved it', async () => {
    // when
    const entries = await api.db.auditEntry.findMany({ where: { action: 'form.saved' }, orderBy: { at: 'asc' } });
    // then
    expect(entries.map((entry) => [entry.actor, JSON.parse(entry.details)])).toEqual([
      ['owner', { formId: 'capa-root-cause', version: 1 }],
      ['admin', { formId: 'capa-root-cause', version: 2 }],
    ]);
  });

  it('lists the latest version of every form with its name from the first heading', async () => {
    // given
    await save('complaint-intake', { id: 'complaint-intake', name: 'Complaint intake', components: [] });
    // when
    const list = await api.request('GET', '/api/forms', { token: alice });
    // then
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { formId: 'capa-root-cause', version: 2, name: 'CAPA root cause', savedAt: expect.any(String) },
      { formId: 'complaint-intake', version: 1, name: 'Complaint intake', savedAt: expect.any(String) },
    ]);
  });

  it('lets only process owners and admins save forms', async () => {
    // when
    const staff = await save('capa-root-cause', capaForm('changed by alice'), alice);
    const anonymous = await api.request('PUT', '/api/forms/capa-root-cause', { body: { schema: capaForm() } });
    // then
    expect(staff.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect((await api.request('GET', '/api/forms/capa-root-cause', { token: alice })).body.version).toBe(2);
  });

  it('refuses a schema whose id is not the form id', async () => {
    // when
    const response = await save('another-form', capaForm());
    // then
    expect(response.status).toBe(400);
    expect(response.body.error).toContain('must be the form id "another-form"');
  });

  it('refuses fields without a key, two fields filling one variable, bad keys, patterns and limits, naming each', async () => {
    // given
    const broken = {
      id: 'broken-form',
      components: [
        { type: 'textfield', id: 'NoKey', label: 'Nothing' },
        { type: 'textfield', id: 'First', key: 'decision' },
        { type: 'group', id: 'Details', path: 'details', components: [{ type: 'textfield', id: 'Nested', key: 'decision' }] },
        { type: 'radio', id: 'Second', key: 'decision', values: [{ label: 'Yes', value: 'yes' }] },
        { type: 'textfield', id: 'BadKey', key: 'risk score' },
        { type: 'textfield', id: 'BadPattern', key: 'code', validate: { pattern: '([A-Z' } },
        { type: 'number', id: 'BadRange', key: 'rpn', validate: { min: 10, max: 1 } },
      ],
    };
    // when
    const response = await save('broken-form', broken);
    // then
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('The form has 5 problems');
    expect(response.body.details.map((problem: { path: string }) => problem.path)).toEqual([
      'NoKey',
      'Second',
      'BadKey',
      'BadPattern',
      'BadRange',
    ]);
    expect(response.body.details[1].message).toContain('fills the variable "decision", as First does');
    expect(await api.db.form.count({ where: { formId: 'broken-form' } })).toBe(0);
  });

  it('refuses a body that is not a form-js schema', async () => {
    // when
    const response = await save('capa-root-cause', { components: 'none' });
    // then
    expect(response.status).toBe(400);
  });
});
