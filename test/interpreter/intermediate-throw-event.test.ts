import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFixture, definitions, flow } from './bpmn-fixture';
import { createHarness, eventually, type Harness } from './harness';

const sent: Record<string, unknown>[] = [];

const SIGNAL_ROOTS = '<bpmn:signal id="recall" name="recall" />';

/** Waits for the recall signal. */
const LISTENER = definitions(
  'recall-listener',
  `
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="onRecall"><bpmn:signalEventDefinition signalRef="recall" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'onRecall')}
    ${flow('f2', 'onRecall', 'end')}`,
  SIGNAL_ROOTS,
);

/** Passes a none throw event, broadcasts the recall signal (with its input mapping as variables), then sends a message as a job. */
const THROWER = definitions(
  'recall-thrower',
  `
    <bpmn:startEvent id="start" />
    <bpmn:intermediateThrowEvent id="noted" name="Recall noted" />
    <bpmn:intermediateThrowEvent id="announce" name="Announce recall">
      <bpmn:extensionElements>
        <zeebe:ioMapping><zeebe:input source="=batch" target="recalledBatch" /></zeebe:ioMapping>
      </bpmn:extensionElements>
      <bpmn:signalEventDefinition signalRef="recall" />
    </bpmn:intermediateThrowEvent>
    <bpmn:intermediateThrowEvent id="tell" name="Tell the customer">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="test:message" />
        <zeebe:taskHeaders><zeebe:header key="message" value="recallNotice" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:messageEventDefinition messageRef="notice" />
    </bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'noted')}
    ${flow('f2', 'noted', 'announce')}
    ${flow('f3', 'announce', 'tell')}
    ${flow('f4', 'tell', 'end')}`,
  `${SIGNAL_ROOTS}<bpmn:message id="notice" name="recallNotice" />`,
);

/** An escalation thrown inside a sub-process, caught by a non-interrupting boundary event on it: both paths go on. */
const ESCALATING = definitions(
  'escalate-review',
  `
    <bpmn:startEvent id="start" />
    <bpmn:subProcess id="review" name="Review">
      <bpmn:startEvent id="reviewStart" />
      <bpmn:intermediateThrowEvent id="escalate" name="Escalate">
        <bpmn:escalationEventDefinition escalationRef="late" />
      </bpmn:intermediateThrowEvent>
      <bpmn:endEvent id="reviewEnd" />
      ${flow('s1', 'reviewStart', 'escalate')}
      ${flow('s2', 'escalate', 'reviewEnd')}
    </bpmn:subProcess>
    <bpmn:boundaryEvent id="onLate" attachedToRef="review" cancelActivity="false">
      <bpmn:escalationEventDefinition escalationRef="late" />
    </bpmn:boundaryEvent>
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="informed" />
    ${flow('f1', 'start', 'review')}
    ${flow('f2', 'review', 'end')}
    ${flow('f3', 'onLate', 'informed')}`,
  '<bpmn:escalation id="late" name="Late" escalationCode="LATE" />',
);

describe('intermediate throw event', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({
      handlers: {
        'test:message': async (context) => {
          sent.push({ instanceId: context.instanceId, message: context.headers.message });
          return { noticeSent: true };
        },
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('passes a none event, broadcasts a signal that reaches a waiting instance, and runs a message throw as a job', async () => {
    // given
    const listener = await harness.start(await compileFixture(LISTENER));
    await eventually(() => harness.db.subscription.findFirst({ where: { instanceId: listener.workflowId, state: 'open' } }), 15_000, 'the listener waiting');

    // when
    const thrower = await harness.start(await compileFixture(THROWER), { batch: 'B-12' });
    const thrown = await thrower.result();
    const heard = await listener.result();

    // then
    expect(thrown.path).toEqual(['start', 'noted', 'announce', 'tell', 'end']);
    expect(thrown.variables).toEqual({ batch: 'B-12', noticeSent: true });
    expect(sent).toContainEqual({ instanceId: thrower.workflowId, message: 'recallNotice' });
    expect(heard.path).toEqual(['start', 'onRecall', 'end']);
    expect(heard.variables).toEqual({ recalledBatch: 'B-12' });
  });

  it('raises an escalation without leaving: a non-interrupting boundary event reacts and the thrower goes on', async () => {
    // given
    const model = await compileFixture(ESCALATING);

    // when
    const result = await (await harness.start(model)).result();

    // then
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(expect.arrayContaining(['escalate', 'reviewEnd', 'review', 'end', 'onLate', 'informed']));
    expect(result.path.indexOf('escalate')).toBeLessThan(result.path.indexOf('reviewEnd'));
  });
});
