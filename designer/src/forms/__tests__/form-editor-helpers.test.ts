import { describe, expect, it } from 'vitest';
import { sameForm } from '../form-changes';
import { isFormId, newFormSchema } from '../new-form';
import { sampleDataFor } from '../sample-data';

describe('the form editor helpers', () => {
  it('starts a new form with its id and the title as heading', () => {
    expect(newFormSchema('capa-triage', ' Triage ')).toEqual({
      id: 'capa-triage',
      type: 'default',
      components: [{ type: 'text', id: 'Heading', text: '# Triage' }],
    });
    expect(newFormSchema('capa-triage', '').components).toEqual([]);
  });

  it('accepts form ids of letters, digits, dashes, underscores and dots only', () => {
    expect(['capa-triage', 'SOP_QA.12', 'a'].every(isFormId)).toBe(true);
    expect(['', '-capa', 'capa triage', 'capa/triage'].some(isFormId)).toBe(false);
  });

  it('sees no change in a schema the editor only re-stamped or re-ordered', () => {
    const saved = { id: 'f', components: [{ type: 'textfield', key: 'a', label: 'A' }] };
    const restamped = { schemaVersion: 18, exporter: { name: 'Qualflow', version: '1' }, components: [{ label: 'A', key: 'a', type: 'textfield' }], id: 'f' };
    expect(sameForm(restamped, saved)).toBe(true);
    expect(sameForm({ ...restamped, components: [{ type: 'textfield', key: 'a', label: 'B' }] }, saved)).toBe(false);
  });

  it('fills sample data for every field, nested as groups and lists say', () => {
    const schema = {
      components: [
        { type: 'text', text: '# Heading' },
        { type: 'textfield', key: 'title', label: 'Title' },
        { type: 'number', key: 'risk.severity' },
        { type: 'select', key: 'source', values: [{ label: 'Audit', value: 'audit' }] },
        { type: 'checklist', key: 'areas', values: [{ label: 'QA', value: 'qa' }] },
        { type: 'group', path: 'owner', components: [{ type: 'checkbox', key: 'confirmed' }] },
        { type: 'dynamiclist', path: 'actions', components: [{ type: 'textarea', key: 'what', label: 'What' }] },
      ],
    };
    expect(sampleDataFor(schema)).toEqual({
      title: 'Example Title',
      risk: { severity: 1 },
      source: 'audit',
      areas: ['qa'],
      owner: { confirmed: true },
      actions: [{ what: 'Example What' }],
    });
  });
});
