/**
 * The QMS templates shipped in workflows/templates: each compiles cleanly, links only
 * forms that exist, and its gateways read variables that its forms or scripts write.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/compiler/index';
import { listTemplateForms, listTemplates } from '../../engine/seed';
import type { ProcessModel } from '../../workflows/model';

const forms = new Map(listTemplateForms().map(({ schema }) => [schema.id, schema]));

async function compileTemplate(file: string): Promise<ProcessModel> {
  const { model, errors } = await compile(readFileSync(file, 'utf8'));
  expect(errors).toEqual([]);
  return model!;
}

/** Keys of every input field of a form-js schema (nested components included). */
function formKeys(schema: Record<string, unknown>): string[] {
  const components = (schema.components ?? []) as Record<string, unknown>[];
  return components.flatMap((c) => [...(typeof c.key === 'string' ? [c.key] : []), ...formKeys(c)]);
}

/** Variables a FEEL expression reads: its names, without string literals and keywords. */
function feelNames(expression: string): string[] {
  const withoutStrings = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/[A-Za-z_][A-Za-z0-9_]*\s*:/g, '');
  const keywords = new Set(['and', 'or', 'not', 'true', 'false', 'null', 'if', 'then', 'else', 'string', 'today', 'duration']);
  return [...withoutStrings.matchAll(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g)]
    .map((match) => match[0].split('.')[0])
    .filter((name) => !keywords.has(name));
}

/** Every variable the model's forms, scripts and output mappings write, plus `initiator` (set at start). */
function writtenVariables(model: ProcessModel): Set<string> {
  const names = new Set(['initiator']);
  for (const element of Object.values(model.elements)) {
    if (element.kind === 'userTask' && element.form?.formId) {
      for (const key of formKeys(forms.get(element.form.formId) ?? {})) names.add(key);
    }
    if (element.kind === 'scriptTask') names.add(element.resultVariable);
    for (const output of element.outputs) names.add(output.target);
  }
  return names;
}

describe('QMS templates', () => {
  it('lists the three templates, each file holding the process its key names', async () => {
    // given
    const templates = listTemplates();

    // when
    const models = await Promise.all(templates.map((t) => compileTemplate(t.file)));

    // then
    expect(templates.map((t) => t.key)).toEqual(['document-approval', 'capa', 'management-review']);
    expect(models.map((m) => [m.id, m.name])).toEqual(templates.map((t) => [t.key, t.name]));
  });

  for (const template of listTemplates()) {
    describe(template.name, () => {
      it('compiles without errors', async () => {
        // given
        const xml = readFileSync(template.file, 'utf8');

        // when
        const result = await compile(xml);

        // then
        expect(result.errors).toEqual([]);
        expect(result.model?.id).toBe(template.key);
      });

      it('links every user task to a form that ships with it', async () => {
        // given
        const model = await compileTemplate(template.file);

        // when
        const userTasks = Object.values(model.elements).filter((e) => e.kind === 'userTask');
        const missing = userTasks.filter((task) => !task.form?.formId || !forms.has(task.form.formId));

        // then
        expect(userTasks.length).toBeGreaterThan(0);
        expect(missing.map((task) => task.id)).toEqual([]);
      });

      it('gives every user task someone who may do it', async () => {
        // given
        const model = await compileTemplate(template.file);

        // when
        const unowned = Object.values(model.elements).filter(
          (e) => e.kind === 'userTask' && !e.assignee && !e.candidateGroups && !e.candidateUsers,
        );

        // then
        expect(unowned.map((task) => task.id)).toEqual([]);
      });

      it('decides, assigns, computes and notifies only on variables its forms, scripts or mappings write', async () => {
        // given
        const model = await compileTemplate(template.file);
        const written = writtenVariables(model);

        // when
        const expressions = [
          ...Object.values(model.flows).flatMap((flow) => (flow.condition ? [flow.condition] : [])),
          ...Object.values(model.elements).flatMap((e) => [
            ...(e.kind === 'userTask' && e.assignee?.startsWith('=') ? [e.assignee.slice(1)] : []),
            ...(e.kind === 'scriptTask' ? [e.expression] : []),
            ...(e.kind === 'serviceTask' ? Object.values(e.headers).flatMap((h) => (h.startsWith('=') ? [h.slice(1)] : [])) : []),
            ...[...e.inputs, ...e.outputs].flatMap((m) => (m.source.startsWith('=') ? [m.source.slice(1)] : [])),
          ]),
        ];
        const read = expressions.flatMap(feelNames);

        // then
        expect(read.length).toBeGreaterThan(0);
        expect(read.filter((name) => !written.has(name))).toEqual([]);
      });
    });
  }

  it('ships only forms some template uses, each with an id matching its file', async () => {
    // given
    const models = await Promise.all(listTemplates().map((t) => compileTemplate(t.file)));

    // when
    const used = new Set(
      models.flatMap((m) => Object.values(m.elements).flatMap((e) => (e.kind === 'userTask' && e.form?.formId ? [e.form.formId] : []))),
    );

    // then
    expect([...forms.keys()].filter((id) => !used.has(id))).toEqual([]);
    for (const [id, schema] of forms) {
      expect(schema).toMatchObject({ id, type: 'default' });
      expect(Array.isArray(schema.components)).toBe(true);
    }
  });
});
