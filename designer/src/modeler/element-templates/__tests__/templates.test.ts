import { validateZeebe } from '@bpmn-io/element-templates-validator';
import { describe, expect, it } from 'vitest';
import { between, processXml } from '../../../../../engine/compiler/__tests__/bpmn-builder';
import { compile } from '../../../../../engine/compiler';
import { serviceTaskHandlers } from '../../../../../activities/handlers';
import { QUALFLOW_ELEMENT_TEMPLATES, type ElementTemplate } from '../templates';
import { applyTemplate } from './apply-template';

const template = (id: string): ElementTemplate => QUALFLOW_ELEMENT_TEMPLATES.find((candidate) => candidate.id === id)!;

async function compileApplied(id: string, values: Record<string, string | boolean> = {}) {
  const result = await compile(processXml(between(applyTemplate(template(id), 'Task_1', values))));
  return { ...result, task: result.model?.elements.Task_1 as Record<string, unknown> | undefined };
}

describe("Qualflow's element templates", () => {
  it.each(QUALFLOW_ELEMENT_TEMPLATES.map((each) => [each.name, each] as const))('"%s" is a valid Camunda 8 element template', (_name, each) => {
    // when
    const result = validateZeebe(each);
    // then
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('"Notify" compiles to a service task of the notify job the worker runs, with its headers', async () => {
    // when
    const { errors, task } = await compileApplied('qualflow.notify', { Users: 'alice, bob', Subject: '="CAPA " + capaNumber + " is overdue"', Text: 'Please look at it today.' });
    // then
    expect(errors).toEqual([]);
    expect(task).toMatchObject({
      kind: 'serviceTask',
      taskType: 'qualflow:notify',
      headers: { to: 'alice, bob', subject: '="CAPA " + capaNumber + " is overdue"', body: 'Please look at it today.' },
    });
    expect(task!.headers).not.toHaveProperty('toGroups');
    expect(Object.keys(serviceTaskHandlers)).toContain(task!.taskType);
  });

  it('"Request e-signature" compiles to a Camunda user task that requires a signature with its meanings', async () => {
    // when
    const { errors, warnings, task } = await compileApplied('qualflow.request-e-signature', { 'Candidate groups': 'quality' });
    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(task).toMatchObject({ kind: 'userTask', candidateGroups: 'quality', signature: { meaning: 'approved, rejected' } });
  });

  it('"Set record status" compiles to a FEEL script task that sets the status variable, without a worker', async () => {
    // when
    const { errors, task } = await compileApplied('qualflow.set-record-status', { Status: '="effective"', 'Status variable': 'documentStatus' });
    // then
    expect(errors).toEqual([]);
    expect(task).toMatchObject({ kind: 'scriptTask', expression: '"effective"', resultVariable: 'documentStatus' });
    expect(task).not.toHaveProperty('job');
  });

  it('offers only statuses that are FEEL string literals, so every choice compiles', async () => {
    // given
    const status = template('qualflow.set-record-status').properties.find((property) => property.label === 'Status') as { choices: { value: string }[] };
    // when
    const results = await Promise.all(status.choices.map((choice) => compileApplied('qualflow.set-record-status', { Status: choice.value })));
    // then
    expect(results.flatMap((result) => result.errors)).toEqual([]);
    expect(status.choices.every((choice) => /^="[a-z ]+"$/.test(choice.value))).toBe(true);
  });
});
