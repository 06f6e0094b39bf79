import { describe, expect, it } from 'vitest';
import { fieldLabels, schemaOf } from '../src/tasks/form-schema';

const schema = {
  type: 'default',
  components: [
    { type: 'textfield', key: 'title', label: 'Title' },
    { type: 'group', label: 'Review', components: [{ type: 'checkbox', key: 'approved', label: 'Approved' }] },
    { type: 'text', text: 'Intro' },
  ],
};

describe('task form schema', () => {
  it('finds the schema in a form link, as JSON text, or given directly', () => {
    // given / when / then
    expect(schemaOf({ formId: 'f', schema })).toBe(schema);
    expect(schemaOf(JSON.stringify({ schema }))).toEqual(schema);
    expect(schemaOf(schema)).toBe(schema);
  });

  it('renders no form for a task linked only by id or external reference', () => {
    // given / when / then
    expect(schemaOf({ formId: 'not-resolved' })).toBeNull();
    expect(schemaOf({ externalReference: 'https://example.com' })).toBeNull();
    expect(schemaOf(null)).toBeNull();
  });

  it('labels fields nested in groups', () => {
    // given / when
    const labels = fieldLabels(schema);
    // then
    expect(labels).toEqual({ title: 'Title', approved: 'Approved' });
  });
});
