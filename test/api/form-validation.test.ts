import { describe, expect, it } from 'vitest';
import { validateSubmission } from '../../engine/forms/validate';

const form = {
  id: 'capa-triage',
  components: [
    { type: 'text', text: '# Triage' },
    { type: 'textfield', key: 'title', label: 'Title', validate: { required: true, maxLength: 20 } },
    { type: 'number', key: 'severity', label: 'Severity', validate: { required: true, min: 1, max: 10 } },
    { type: 'checkbox', key: 'capaNeeded', label: 'CAPA needed' },
    { type: 'checkbox', key: 'confirmed', label: 'Confirmed', validate: { required: true } },
    {
      type: 'select',
      key: 'priority',
      label: 'Priority',
      values: [
        { label: 'Low', value: 'low' },
        { label: 'High', value: 'high' },
      ],
    },
    { type: 'checklist', key: 'areas', label: 'Areas', values: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }] },
    { type: 'radio', key: 'owner', label: 'Owner', valuesKey: 'owners' },
    {
      type: 'group',
      label: 'Contact',
      path: 'contact',
      components: [{ type: 'textfield', key: 'email', label: 'Email', validate: { required: true, validationType: 'email' } }],
    },
    {
      type: 'textfield',
      key: 'reason',
      label: 'Reason',
      validate: { required: true },
      conditional: { hide: '=capaNeeded = true' },
    },
    {
      type: 'dynamiclist',
      path: 'actions',
      label: 'Actions',
      components: [{ type: 'textfield', key: 'what', label: 'What', validate: { required: true } }],
    },
  ],
};

const valid = {
  title: 'Scratched housing',
  severity: 7,
  capaNeeded: true,
  confirmed: true,
  priority: 'high',
  areas: ['a'],
  owner: 'alice',
  contact: { email: 'qa@example.com' },
  actions: [{ what: 'Retrain' }],
};

describe('validating submitted variables against a form-js form', () => {
  it('accepts a submission that satisfies every field', () => {
    expect(validateSubmission(form, valid, { owners: ['alice', 'bob'] })).toEqual([]);
  });

  it('reports each missing required field, an unchecked required checkbox included', () => {
    // when
    const violations = validateSubmission(form, { capaNeeded: false, confirmed: false }, { owners: ['alice'] });
    // then
    expect(violations.map((v) => v.path)).toEqual(['title', 'severity', 'confirmed', 'contact.email', 'reason']);
    expect(violations[0].message).toBe('"Title" is required');
  });

  it('reports wrong types, values outside the options and broken limits', () => {
    // when
    const violations = validateSubmission(
      form,
      {
        ...valid,
        title: 'x'.repeat(21),
        severity: '7',
        capaNeeded: 'yes',
        reason: 'shown because capaNeeded is not true',
        priority: 'urgent',
        areas: ['a', 'z'],
        owner: 'mallory',
        contact: { email: 'not-an-email' },
        actions: [{ what: 'ok' }, { what: '' }],
      },
      { owners: ['alice', 'bob'] },
    );
    // then
    expect(violations.map((v) => [v.path, v.message])).toEqual([
      ['title', '"Title" must have at most 20 characters'],
      ['severity', '"Severity" must be a number'],
      ['capaNeeded', '"CAPA needed" must be true or false'],
      ['priority', '"Priority" must be one of: low, high'],
      ['areas', '"Areas" has values that are not options: z'],
      ['owner', '"Owner" must be one of: alice, bob'],
      ['contact.email', '"Email" must be an email address'],
      ['actions[1].what', '"What" is required'],
    ]);
  });

  it('checks number limits, and skips fields hidden by their condition', () => {
    // when
    const tooHigh = validateSubmission(form, { ...valid, severity: 11 }, { owners: ['alice'] });
    const reasonShown = validateSubmission(form, { ...valid, capaNeeded: false }, { owners: ['alice'] });
    // then
    expect(tooHigh.map((v) => v.message)).toEqual(['"Severity" must be at most 10']);
    expect(reasonShown.map((v) => v.message)).toEqual(['"Reason" is required']);
  });

  it('lets any variables through when there is no form', () => {
    expect(validateSubmission(null, { anything: 1 })).toEqual([]);
    expect(validateSubmission({ id: 'empty' }, { anything: 1 })).toEqual([]);
  });
});
