/**
 * Out of office: users name a substitute for a period (admins for anyone), and a task a
 * running process assigns to someone who is away goes to their substitute, recorded as
 * delegated, with the "task assigned" notification to the one who now holds it. Runs the
 * real interpreter on the test run's Temporal dev server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../interpreter/harness';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

const DAY = 24 * 60 * 60 * 1000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

const assignedBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs_ooo" targetNamespace="http://qualflow.test/api">
  <bpmn:process id="ooo-review" name="Out of office review" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="Review as alice">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition assignee="alice" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

describe('substitutions', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const taskQueue = uniqueTaskQueue('api-substitutions');
    api = await startApi({ temporalAddress: testTemporalAddress(), taskQueue, worker: true });
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'alice', 'bob', 'carol']) tokens[who] = await api.login(who);
    const deployed = await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: assignedBpmn, contentType: 'application/xml' });
    expect(deployed.status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  const create = (who: string, body: Record<string, unknown>) => api.request('POST', '/api/substitutions', { token: tokens[who], body });

  it('lets a user name a substitute for a period, and lists it to both of them', async () => {
    // when
    const created = await create('bob', { substitute: 'carol', startsAt: iso(-DAY), endsAt: iso(DAY), reason: 'holiday' });
    // then
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'bob', substitute: 'carol', reason: 'holiday', createdBy: 'bob', active: true });
    const mine = await api.request('GET', '/api/substitutions', { token: tokens.bob });
    const standingIn = await api.request('GET', '/api/substitutions', { token: tokens.carol });
    const others = await api.request('GET', '/api/substitutions', { token: tokens.alice });
    expect(mine.body.items.map((s: any) => s.id)).toContain(created.body.id);
    expect(standingIn.body.items.map((s: any) => s.id)).toContain(created.body.id);
    expect(others.body.items.map((s: any) => s.id)).not.toContain(created.body.id);
  });

  it.each([
    ['the substitute is unknown', { substitute: 'nobody', startsAt: iso(0), endsAt: iso(DAY) }, 'substitute'],
    ['the substitute is the user', { substitute: 'bob', startsAt: iso(0), endsAt: iso(DAY) }, 'substitute'],
    ['the period ends before it starts', { substitute: 'carol', startsAt: iso(DAY), endsAt: iso(0) }, 'endsAt'],
    ['the period has no end', { substitute: 'carol', startsAt: iso(0) }, 'endsAt'],
  ])('refuses a substitution where %s with 400 naming the field', async (_case, body, field) => {
    const response = await create('bob', body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain(field);
  });

  it('lets only an admin name a substitute for someone else', async () => {
    // when
    const byStaff = await create('carol', { username: 'bob', substitute: 'carol', startsAt: iso(0), endsAt: iso(DAY) });
    const byAdmin = await create('admin', { username: 'bob', substitute: 'carol', startsAt: iso(0), endsAt: iso(DAY) });
    // then
    expect(byStaff.status).toBe(403);
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({ username: 'bob', substitute: 'carol', createdBy: 'admin' });
  });

  it('lets the absent user end their substitution, not the substitute or others', async () => {
    // given
    const created = await create('bob', { substitute: 'carol', startsAt: iso(-DAY), endsAt: iso(2 * DAY) });
    // when
    const bySubstitute = await api.request('POST', `/api/substitutions/${created.body.id}/end`, { token: tokens.carol });
    const byOther = await api.request('POST', `/api/substitutions/${created.body.id}/end`, { token: tokens.alice });
    const byOwner = await api.request('POST', `/api/substitutions/${created.body.id}/end`, { token: tokens.bob });
    // then
    expect(bySubstitute.status).toBe(403);
    expect(byOther.status).toBe(404);
    expect(byOwner.status).toBe(200);
    expect(byOwner.body.active).toBe(false);
    expect(new Date(byOwner.body.endsAt).getTime()).toBeLessThanOrEqual(Date.now());
    const current = await api.request('GET', '/api/substitutions?current=true', { token: tokens.bob });
    expect(current.body.items.map((s: any) => s.id)).not.toContain(created.body.id);
  });

  it('hands a new task for an away user to their substitute, audited and notified', async () => {
    // given
    const away = await create('alice', { substitute: 'carol', startsAt: iso(-60_000), endsAt: iso(DAY), reason: 'conference' });
    expect(away.status).toBe(201);
    // when
    const started = await api.request('POST', '/api/instances', { token: tokens.owner, body: { processKey: 'ooo-review' } });
    expect(started.status).toBe(201);
    const task = await eventually(async () => {
      const list = await api.request('GET', `/api/tasks?instanceId=${started.body.id}`, { token: tokens.carol });
      return list.body.items[0];
    }, 20_000, 'the review task to open');
    // then
    expect(task).toMatchObject({ assignee: 'carol', delegatedFrom: 'alice' });
    const audit = await api.db.auditEntry.findMany({ where: { taskId: task.id, action: 'task.delegated' } });
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([expect.objectContaining({ from: 'alice', to: 'carol' })]);
    const notified = await api.db.notification.findMany({ where: { taskId: task.id, kind: 'task.assigned' } });
    expect(notified.map((n) => [n.eventId, n.id])).toEqual([[`${task.id}:assigned`, `${task.id}:assigned:carol`]]);
    const aliceSees = await api.request('GET', `/api/tasks?instanceId=${started.body.id}&assignee=me`, { token: tokens.alice });
    expect(aliceSees.body.items).toEqual([]);
  });

  it('gives the task to the assignee themselves, with the assigned notification, once the substitution has ended', async () => {
    // given
    const mine = await api.request('GET', '/api/substitutions?current=true', { token: tokens.alice });
    for (const s of mine.body.items.filter((s: any) => s.username === 'alice')) {
      await api.request('POST', `/api/substitutions/${s.id}/end`, { token: tokens.alice });
    }
    // when
    const started = await api.request('POST', '/api/instances', { token: tokens.owner, body: { processKey: 'ooo-review' } });
    const task = await eventually(async () => {
      const list = await api.request('GET', `/api/tasks?instanceId=${started.body.id}`, { token: tokens.alice });
      return list.body.items[0];
    }, 20_000, 'the review task to open');
    // then
    expect(task).toMatchObject({ assignee: 'alice', delegatedFrom: null });
    const notified = await api.db.notification.findMany({ where: { taskId: task.id, kind: 'task.assigned' } });
    expect(notified.map((n) => n.id)).toEqual([`${task.id}:assigned:alice`]);
    expect(await api.db.auditEntry.count({ where: { taskId: task.id, action: 'task.delegated' } })).toBe(0);
  });
});
