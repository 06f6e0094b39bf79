import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BpmnError } from '../../activities/handlers/types';
import { flow, processXml, serviceTask, userTask } from '../../engine/compiler/__tests__/bpmn-builder';
import { compileOrThrow } from '../../engine/compiler';
import { retryIncidentUpdate } from '../../workflows/contract';
import { createHarness, eventually, openTaskOf, type Harness } from './harness';

const ERRORS = `
  <bpmn:error id="withdrawn" name="Withdrawn" errorCode="DOC_WITHDRAWN" />
  <bpmn:error id="other" name="Other" errorCode="OTHER" />`;

function withErrors(xml: string): string {
  return xml.replace('</bpmn:definitions>', `${ERRORS}\n</bpmn:definitions>`);
}

function errorBoundary(id: string, attachedTo: string, errorRef?: string, outputs = ''): string {
  const definition = errorRef ? `<bpmn:errorEventDefinition errorRef="${errorRef}" />` : '<bpmn:errorEventDefinition />';
  const extensions = outputs ? `<bpmn:extensionElements><zeebe:ioMapping>${outputs}</zeebe:ioMapping></bpmn:extensionElements>` : '';
  return `<bpmn:boundaryEvent id="${id}" name="${id}" attachedToRef="${attachedTo}">${extensions}${definition}</bpmn:boundaryEvent>`;
}

describe('error events', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({
      handlers: {
        'test:withdraw': async ({ variables }) => {
          if (variables.withdrawn === true) throw new BpmnError('DOC_WITHDRAWN', 'The author withdrew the document');
          return { published: true };
        },
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('an error end event inside a sub-process is caught by the error boundary event with its code, which stops the sub-process', async () => {
    // given
    const xml = withErrors(
      processXml(
        [
          '<bpmn:startEvent id="start" />',
          `<bpmn:subProcess id="review" name="Review">
             <bpmn:startEvent id="innerStart" />
             <bpmn:parallelGateway id="fork" />
             ${userTask('read', 'Read')}
             <bpmn:endEvent id="throw" name="Withdrawn"><bpmn:errorEventDefinition errorRef="withdrawn" /></bpmn:endEvent>
             <bpmn:endEvent id="innerEnd" />
             ${flow('f1', 'innerStart', 'fork')}
             ${flow('f2', 'fork', 'read')}
             ${flow('f3', 'fork', 'throw')}
             ${flow('f4', 'read', 'innerEnd')}
           </bpmn:subProcess>`,
          errorBoundary('catchOther', 'review', 'other'),
          errorBoundary('catchWithdrawn', 'review', 'withdrawn', '<zeebe:output source="=errorCode" target="caughtCode" />'),
          '<bpmn:endEvent id="end" />',
          '<bpmn:endEvent id="otherEnd" />',
          '<bpmn:endEvent id="withdrawnEnd" />',
          flow('f5', 'start', 'review'),
          flow('f6', 'review', 'end'),
          flow('f7', 'catchOther', 'otherEnd'),
          flow('f8', 'catchWithdrawn', 'withdrawnEnd'),
        ].join('\n'),
        { id: 'errorInSubProcess' },
      ),
    );
    const handle = await harness.start(await compileOrThrow(xml));

    // when
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    expect(result.variables).toEqual({ caughtCode: 'DOC_WITHDRAWN' });
    expect(result.path).toEqual(expect.arrayContaining(['catchWithdrawn', 'withdrawnEnd']));
    expect(result.path).not.toContain('review');
    const read = await eventually(() => harness.db.task.findFirst({ where: { instanceId: handle.workflowId, elementId: 'read' } }));
    expect(read.state).toBe('canceled');
  });

  it('a service task handler throwing a BPMN error takes the catch-all error boundary path; without the error it completes', async () => {
    // given
    const xml = processXml(
      [
        '<bpmn:startEvent id="start" />',
        serviceTask('publish', 'Publish', 'test:withdraw'),
        errorBoundary('failed', 'publish'),
        '<bpmn:endEvent id="end" />',
        '<bpmn:endEvent id="failedEnd" />',
        flow('f1', 'start', 'publish'),
        flow('f2', 'publish', 'end'),
        flow('f3', 'failed', 'failedEnd'),
      ].join('\n'),
      { id: 'jobError' },
    );
    const model = await compileOrThrow(xml);

    // when
    const withdrawn = await (await harness.start(model, { withdrawn: true })).result();
    const published = await (await harness.start(model, { withdrawn: false })).result();

    // then
    expect(withdrawn.path).toEqual(['start', 'failed', 'failedEnd']);
    expect(published.path).toEqual(['start', 'publish', 'end']);
    expect(published.variables).toMatchObject({ published: true });
  });

  it('an error nothing catches becomes an incident on the element that threw it', async () => {
    // given
    const xml = withErrors(
      processXml(
        [
          '<bpmn:startEvent id="start" />',
          `<bpmn:exclusiveGateway id="check" default="fine" />`,
          '<bpmn:endEvent id="throw" name="Withdrawn"><bpmn:errorEventDefinition errorRef="withdrawn" /></bpmn:endEvent>',
          '<bpmn:endEvent id="end" />',
          flow('f1', 'start', 'check'),
          flow('bad', 'check', 'throw', '=withdrawn = true'),
          flow('fine', 'check', 'end'),
        ].join('\n'),
        { id: 'uncaught' },
      ),
    );
    const handle = await harness.start(await compileOrThrow(xml), { withdrawn: true });

    // when
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId, state: 'open' } }));

    // then
    expect(incident.elementId).toBe('throw');
    expect(incident.message).toContain('DOC_WITHDRAWN');
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id }] });
    const again = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId, state: 'open' } }));
    expect(again.id).not.toBe(incident.id);
    await handle.cancel();
  });

  it('an error start event of an event sub-process catches an error thrown anywhere in the process', async () => {
    // given
    const xml = withErrors(
      processXml(
        [
          '<bpmn:startEvent id="start" />',
          '<bpmn:parallelGateway id="fork" />',
          userTask('wait', 'Wait'),
          '<bpmn:endEvent id="throw"><bpmn:errorEventDefinition errorRef="withdrawn" /></bpmn:endEvent>',
          '<bpmn:endEvent id="end" />',
          flow('f1', 'start', 'fork'),
          flow('f2', 'fork', 'wait'),
          flow('f3', 'fork', 'throw'),
          flow('f4', 'wait', 'end'),
          `<bpmn:subProcess id="handle" name="Handle withdrawal" triggeredByEvent="true">
             <bpmn:startEvent id="onWithdrawn"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=errorCode" target="handledCode" /></zeebe:ioMapping></bpmn:extensionElements><bpmn:errorEventDefinition errorRef="withdrawn" /></bpmn:startEvent>
             ${userTask('archive', 'Archive the draft')}
             <bpmn:endEvent id="handled" />
             ${flow('h1', 'onWithdrawn', 'archive')}
             ${flow('h2', 'archive', 'handled')}
           </bpmn:subProcess>`,
        ].join('\n'),
        { id: 'errorEventSubProcess' },
      ),
    );
    const handle = await harness.start(await compileOrThrow(xml));

    // when
    const archive = await openTaskOf(harness.db, handle.workflowId, 'archive');
    const { completeTask } = await import('./harness');
    await completeTask(handle, archive.id);
    const result = await handle.result();

    // then
    expect(result.variables).toMatchObject({ handledCode: 'DOC_WITHDRAWN' });
    expect(result.path).toEqual(expect.arrayContaining(['onWithdrawn', 'archive', 'handled', 'handle']));
    const wait = await harness.db.task.findFirstOrThrow({ where: { instanceId: handle.workflowId, elementId: 'wait' } });
    expect(wait.state).toBe('canceled');
  });
});
