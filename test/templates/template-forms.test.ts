/**
 * The template forms accept what a person would submit at each step (the samples the
 * scenario tests use) and refuse an incomplete decision, under the API's own validation.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../engine/compiler/index';
import { validateSubmission } from '../../engine/forms/validate';
import { listTemplateForms, listTemplates } from '../../engine/seed';
import type { FlowElement } from '../../workflows/model';
import { capa, documentApproval, managementReview, type SampleInput } from './sample-inputs';

const forms = new Map(listTemplateForms().map(({ schema }) => [schema.id, schema]));
const samples: [string, SampleInput][] = Object.entries({ ...documentApproval, ...capa, ...managementReview }).map(
  ([name, input]) => [name, input] as [string, SampleInput],
);

async function allElements(): Promise<Map<string, FlowElement>> {
  const elements = new Map<string, FlowElement>();
  for (const template of listTemplates()) {
    const { model } = await compile(readFileSync(template.file, 'utf8'));
    for (const element of Object.values(model!.elements)) elements.set(element.id, element);
  }
  return elements;
}

describe('template forms', () => {
  let elements: Map<string, FlowElement>;
  beforeAll(async () => {
    elements = await allElements();
  });

  it.each(samples)('accept the sample "%s" for the task it names', (_name, sample) => {
    // given
    const task = elements.get(sample.elementId);

    // when
    const violations = validateSubmission(forms.get(sample.formId), sample.variables);

    // then
    expect(task).toMatchObject({ kind: 'userTask', form: { formId: sample.formId } });
    expect(violations).toEqual([]);
  });

  it('require the risk scores and CAPA owner only when triage opens a CAPA', () => {
    // given
    const triage = forms.get('capa-triage');

    // when
    const opened = validateSubmission(triage, { capaNeeded: 'yes', triageRationale: 'Recurring' });
    const declined = validateSubmission(triage, { capaNeeded: 'no', triageRationale: 'One-off' });

    // then
    expect(opened.map((v) => v.path).sort()).toEqual(['capaOwner', 'detection', 'occurrence', 'severity']);
    expect(declined).toEqual([]);
  });

  it('refuse a decision that is not one of the offered options', () => {
    // given
    const approval = forms.get('document-approval-decision');

    // when
    const violations = validateSubmission(approval, { approvalDecision: 'maybe' });

    // then
    expect(violations.map((v) => v.path)).toEqual(['approvalDecision']);
  });
});
