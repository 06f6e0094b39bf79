import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { between, processXml, userTask } from './bpmn-builder';

/** Compiles one user task `Task_1` with the given attributes and returns it from the model. */
async function compileTask(attributes: string) {
  const result = await compile(processXml(between(userTask('Task_1', 'Approve', '', attributes))));
  return { ...result, task: result.model?.elements.Task_1 };
}

describe('electronic signature on a user task', () => {
  it('puts the required signature and its meanings into the model, without a warning', async () => {
    // when
    const { task, errors, warnings } = await compileTask('qualflow:signatureRequired="true" qualflow:signatureMeaning="approved, rejected"');

    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(task).toMatchObject({ kind: 'userTask', signature: { meaning: 'approved, rejected' } });
  });

  it('requires a signature without a meaning when none is given', async () => {
    const { task } = await compileTask('qualflow:signatureRequired="true"');
    expect(task).toMatchObject({ signature: {} });
  });

  it('leaves the signature out when it is not required', async () => {
    const { task } = await compileTask('qualflow:signatureRequired="false" qualflow:signatureMeaning="approved"');
    expect(task).not.toHaveProperty('signature');
  });
});
