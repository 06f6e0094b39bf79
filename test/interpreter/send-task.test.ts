import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceTaskContext } from '../../activities/handlers/types';
import { compileFixture, definitions, flow } from './bpmn-fixture';
import { createHarness, eventually, type Harness } from './harness';

const calls: ServiceTaskContext[] = [];

const FIXTURE = definitions(
  'notify-supplier',
  `
    <bpmn:startEvent id="start" />
    <bpmn:sendTask id="send" name="Send complaint">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="test:send" retries="1" />
        <zeebe:taskHeaders>
          <zeebe:header key="template" value="complaint" />
          <zeebe:header key="to" value="=supplier.email" />
        </zeebe:taskHeaders>
        <zeebe:ioMapping>
          <zeebe:output source="=receipt" target="sentReceipt" />
        </zeebe:ioMapping>
      </bpmn:extensionElements>
    </bpmn:sendTask>
    <bpmn:scriptTask id="score" name="Score by worker">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="test:score" />
      </bpmn:extensionElements>
    </bpmn:scriptTask>
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'send')}
    ${flow('f2', 'send', 'score')}
    ${flow('f3', 'score', 'end')}`,
);

describe('send task', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({
      handlers: {
        'test:send': async (context) => {
          calls.push(context);
          if (context.variables.fail) throw new Error('mail server down');
          return { receipt: `sent-to-${context.headers.to}` };
        },
        'test:score': async (context) => ({ score: String(context.variables.sentReceipt).length }),
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('runs its job with evaluated headers and merges the mapped result; a script task written as a job runs the same way', async () => {
    // given
    const model = await compileFixture(FIXTURE);

    // when
    const handle = await harness.start(model, { supplier: { email: 'qa@supplier.test' } });
    const result = await handle.result();

    // then
    expect(result.path).toEqual(['start', 'send', 'score', 'end']);
    expect(result.variables).toEqual({ supplier: { email: 'qa@supplier.test' }, sentReceipt: 'sent-to-qa@supplier.test', score: 24 });
    const call = calls.find((entry) => entry.instanceId === handle.workflowId);
    expect(call).toMatchObject({ elementId: 'send', headers: { template: 'complaint', to: 'qa@supplier.test' } });
  });

  it('raises an incident naming the send task when its handler keeps failing', async () => {
    // given
    const model = await compileFixture(FIXTURE);

    // when
    const handle = await harness.start(model, { supplier: { email: 'x@y.z' }, fail: true });
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId } }), 15_000, 'an incident');
    await handle.cancel();

    // then
    expect(incident.elementId).toBe('send');
    expect(incident.message).toContain('Send task "Send complaint" (test:send) failed after 1 attempt: mail server down');
    expect((await handle.result()).status).toBe('canceled');
  });
});
