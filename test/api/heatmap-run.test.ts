/**
 * The heatmap of instances that really ran: the interpreter writes a visit per element
 * that held a token (a timer, a service task), and the heatmap times them. The Temporal
 * dev server of the test run, a worker on this file's own task queue, the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../interpreter/harness';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

const timerAndJobBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_heat_run" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="heat-run" name="Heat: timer and job" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="Timer_Wait" name="Wait a second"><bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:serviceTask id="Job_Log" name="Log it"><bpmn:extensionElements><zeebe:taskDefinition type="qualflow:log" /><zeebe:taskHeaders><zeebe:header key="message" value="heat" /></zeebe:taskHeaders></bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="End" name="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Timer_Wait" />
    <bpmn:sequenceFlow id="F1" sourceRef="Timer_Wait" targetRef="Job_Log" />
    <bpmn:sequenceFlow id="F2" sourceRef="Job_Log" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

describe('the heatmap of instances that ran', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue: uniqueTaskQueue('api-heatmap-run'), worker: true });
    await seedPeople(api.db);
    for (const who of ['owner', 'alice']) tokens[who] = await api.login(who);
    const deployed = await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: timerAndJobBpmn, contentType: 'application/xml' });
    expect(deployed.status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('times the timer and the service task an instance passed, besides user tasks and waits', async () => {
    // given an instance that waited a second at the timer and ran the job
    const started = await api.request('POST', '/api/instances', { token: tokens.alice, body: { processKey: 'heat-run' } });
    expect(started.status).toBe(201);
    const instanceId: string = started.body.id;
    await eventually(async () => {
      const instance = await api.request('GET', `/api/instances/${instanceId}`, { token: tokens.alice });
      return instance.body.status === 'completed' ? instance.body : undefined;
    }, 20_000, 'the instance to complete');
    // when
    const response = await api.request('GET', '/api/definitions/heat-run/heatmap', { token: tokens.owner });
    // then
    expect(response.status).toBe(200);
    const timer = response.body.elements.find((e: { elementId: string }) => e.elementId === 'Timer_Wait');
    const job = response.body.elements.find((e: { elementId: string }) => e.elementId === 'Job_Log');
    expect(timer).toMatchObject({ name: 'Wait a second', kind: 'step', finished: 1, open: 0 });
    expect(timer.averageMs).toBeGreaterThanOrEqual(1000);
    expect(job).toMatchObject({ name: 'Log it', kind: 'step', finished: 1, open: 0 });
    expect(job.averageMs).toBeGreaterThan(0);
    expect(response.body.slowestElementId).toBe('Timer_Wait');
    // and a visit is written once, however often the state is recorded
    const visits = await api.db.elementVisit.findMany({ where: { instanceId } });
    expect(visits.map((visit) => visit.elementId).sort()).toEqual(['Job_Log', 'Timer_Wait']);
    expect(visits.every((visit) => visit.processKey === 'heat-run' && visit.version === 1)).toBe(true);
  });
});
