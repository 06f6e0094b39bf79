/**
 * The heatmap of a process: time spent per element over a period (average, p90),
 * overdue and incident counts, and who may see it. The read model is written directly
 * (tasks, waits and incidents with known times); no Temporal is involved.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

const capaBpmn = readFileSync(join(import.meta.dirname, 'fixtures', 'heat-capa.bpmn'), 'utf8');
const HOUR = 3_600_000;
const T0 = new Date('2026-11-02T08:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

describe('the process heatmap', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  const definitionIds: Record<number, string> = {};

  async function instance(version = 1, startedAt = T0): Promise<string> {
    const id = randomUUID();
    await api.db.instance.create({
      data: { id, definitionId: definitionIds[version], processKey: 'heat-capa', version, status: 'active', startedAt },
    });
    return id;
  }

  async function task(input: { elementId: string; name: string; hours: [number, number | null]; dueHours?: number; state?: string; version?: number }) {
    const instanceId = await instance(input.version);
    const [start, end] = input.hours;
    await api.db.task.create({
      data: {
        id: randomUUID(),
        instanceId,
        definitionId: definitionIds[input.version ?? 1],
        processKey: 'heat-capa',
        elementId: input.elementId,
        elementInstanceId: randomUUID(),
        name: input.name,
        state: input.state ?? (end === null ? 'open' : 'completed'),
        createdAt: at(start),
        completedAt: end === null ? null : at(end),
        dueAt: input.dueHours === undefined ? null : at(input.dueHours),
      },
    });
    return instanceId;
  }

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of ['admin', 'owner', 'manager', 'alice']) tokens[who] = await api.login(who);
    const v1 = await api.request('POST', '/api/definitions', { token: tokens.owner, rawBody: capaBpmn, contentType: 'application/xml' });
    const v2 = await api.request('POST', '/api/definitions', {
      token: tokens.owner,
      rawBody: capaBpmn.replace('name="Triage"', 'name="Triage (v2)"'),
      contentType: 'application/xml',
    });
    expect([v1.status, v2.status]).toEqual([201, 201]);
    definitionIds[1] = v1.body.id;
    definitionIds[2] = v2.body.id;

    // Triage: ten finished in 1..10 hours, one still open and past due, one canceled (not counted).
    for (let hours = 1; hours <= 10; hours += 1) await task({ elementId: 'Task_Triage', name: 'Triage', hours: [0, hours] });
    await task({ elementId: 'Task_Triage', name: 'Triage', hours: [0, null], dueHours: 1 });
    await task({ elementId: 'Task_Triage', name: 'Triage', hours: [0, 500], state: 'canceled' });
    // Approve closure: 20 h (in time) and 40 h (after its 30 h due date).
    await task({ elementId: 'Task_Approve', name: 'Approve closure', hours: [0, 20], dueHours: 30 });
    await task({ elementId: 'Task_Approve', name: 'Approve closure', hours: [0, 40], dueHours: 30 });
    // A message wait of 6 h and an incident on the approval.
    const waiting = await instance();
    await api.db.subscription.create({
      data: { id: randomUUID(), kind: 'message', name: 'evidence', instanceId: waiting, processKey: 'heat-capa', elementId: 'Wait_Evidence', state: 'closed', createdAt: at(1), closedAt: at(7) },
    });
    await api.db.incident.create({
      data: { id: randomUUID(), instanceId: waiting, elementId: 'Task_Approve', elementInstanceId: randomUUID(), message: 'no approver', createdAt: at(8) },
    });
    // Version 2 and a later period: one triage of 100 h, started a week later.
    await task({ elementId: 'Task_Triage', name: 'Triage (v2)', hours: [24 * 7, 24 * 7 + 100], version: 2 });
  });
  afterAll(() => api?.close());

  const heatmap = (who: string, query = '') => api.request('GET', `/api/definitions/heat-capa/heatmap${query}`, { token: tokens[who] });
  const element = (body: { elements: { elementId: string }[] }, id: string) => body.elements.find((e) => e.elementId === id);

  it('gives the average and p90 time per user task and counts the overdue ones, slowest first', async () => {
    // when
    const response = await heatmap('admin', `?to=${encodeURIComponent(at(24).toISOString())}`);
    // then
    expect(response.status).toBe(200);
    expect(element(response.body, 'Task_Triage')).toEqual({
      elementId: 'Task_Triage',
      name: 'Triage (v2)', // names as the latest version draws them
      kind: 'task',
      finished: 10,
      open: 1,
      averageMs: 5.5 * HOUR,
      p90Ms: 9 * HOUR,
      maxMs: 10 * HOUR,
      overdue: 1,
      incidents: 0,
    });
    expect(element(response.body, 'Task_Approve')).toMatchObject({ finished: 2, averageMs: 30 * HOUR, p90Ms: 40 * HOUR, overdue: 1, incidents: 1 });
    expect(response.body.elements.map((e: { elementId: string }) => e.elementId)).toEqual(['Task_Approve', 'Wait_Evidence', 'Task_Triage']);
    expect(response.body.slowestElementId).toBe('Task_Approve');
  });

  it('times message waits from their subscriptions', async () => {
    const response = await heatmap('admin');
    expect(element(response.body, 'Wait_Evidence')).toMatchObject({ name: 'Evidence received', kind: 'wait', finished: 1, averageMs: 6 * HOUR, overdue: 0 });
  });

  it('counts only what started in the period, and only one version when asked', async () => {
    // when
    const later = await heatmap('admin', `?from=${encodeURIComponent(at(24).toISOString())}`);
    const version2 = await heatmap('admin', '?version=2');
    const all = await heatmap('admin');
    // then
    expect(later.body.elements).toEqual([expect.objectContaining({ elementId: 'Task_Triage', finished: 1, averageMs: 100 * HOUR })]);
    expect(version2.body).toMatchObject({ version: 2, slowestElementId: 'Task_Triage' });
    expect(version2.body.elements.map((e: { elementId: string; name: string }) => [e.elementId, e.name])).toEqual([['Task_Triage', 'Triage (v2)']]);
    expect(element(all.body, 'Task_Triage')).toMatchObject({ finished: 11, open: 1 });
    expect(all.body.slowestElementId).toBe('Task_Approve');
  });

  it('is for admins, the process owner and those given the process', async () => {
    // given the owner gives the process to the manager
    const before = await heatmap('manager');
    const grant = await api.request('PUT', '/api/definitions/heat-capa/grants/manager', { token: tokens.owner });
    // when
    const [byOwner, byManager, byAlice] = await Promise.all([heatmap('owner'), heatmap('manager'), heatmap('alice')]);
    // then
    expect(before.status).toBe(403);
    expect(grant.status).toBeLessThan(300);
    expect(byOwner.status).toBe(200);
    expect(byManager.status).toBe(200);
    expect(byAlice.status).toBe(403);
  });

  it('answers 404 for an unknown process or version and 400 for a period that ends before it starts', async () => {
    const unknown = await api.request('GET', '/api/definitions/nope/heatmap', { token: tokens.admin });
    const noVersion = await heatmap('admin', '?version=9');
    const backwards = await heatmap('admin', `?from=${encodeURIComponent(at(5).toISOString())}&to=${encodeURIComponent(at(1).toISOString())}`);
    expect([unknown.status, noVersion.status, backwards.status]).toEqual([404, 404, 400]);
  });
});
