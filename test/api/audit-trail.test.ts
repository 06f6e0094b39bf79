/**
 * The audit trail of tasks and instances: every change to a task — created, assigned,
 * claimed, unclaimed, reassigned, due date changed, signed, completed, canceled — is
 * written exactly once, and the trail is shown to those who may see the task or instance.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { between, processXml, userTask } from '../../engine/compiler/__tests__/bpmn-builder';
import { PASSWORD } from './support/api-harness';
import { eventually } from '../interpreter/harness';
import { startSignedApprovalApi, type SignedApprovalApi } from './support/signed-approval';

/** start → "Check" assigned to bob → end. */
const assignedBpmn = processXml(between(userTask('check', 'Check', '<zeebe:assignmentDefinition assignee="bob" />'), 'check'), { id: 'assigned-check' });

/** start → "Fix" assigned to alice, due a second after it opens, escalated to the manager at once → end. */
const escalatingBpmn = processXml(
  between(
    userTask(
      'fix',
      'Fix',
      '<zeebe:assignmentDefinition assignee="alice" />' +
        '<qualflow:deadline dueIn="PT1S" time="elapsed" />' +
        '<qualflow:escalationPolicy><qualflow:escalation after="PT0S" time="elapsed" notify="manager" /></qualflow:escalationPolicy>',
    ),
    'fix',
  ),
  { id: 'escalating-fix' },
);

interface Entry {
  id: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

describe('audit trail', () => {
  let env: SignedApprovalApi;
  const as = (who: keyof SignedApprovalApi['tokens']) => ({ token: env.tokens[who] });
  const trail = async (path: string): Promise<Entry[]> => (await env.api.request('GET', path, as('admin'))).body;

  beforeAll(async () => {
    env = await startSignedApprovalApi();
  });
  afterAll(() => env?.stop());

  it('writes each change of a task once, in order, with who did it and why', async () => {
    // given
    const { instanceId, taskId } = await env.start();
    const call = (method: string, path: string, who: keyof SignedApprovalApi['tokens'], body?: unknown) =>
      env.api.request(method, `/api/tasks/${taskId}${path}`, { ...as(who), body });
    // when
    expect((await call('POST', '/claim', 'alice')).status).toBe(200);
    expect((await call('POST', '/unclaim', 'alice')).status).toBe(200);
    expect((await call('POST', '/reassign', 'admin', { assignee: 'carol', reason: 'alice is busy' })).status).toBe(200);
    expect((await call('PATCH', '/due', 'admin', { dueAt: '2030-01-31T17:00:00Z', reason: 'waiting for the supplier' })).status).toBe(200);
    const signature = { username: 'carol', password: PASSWORD, meaning: 'approved' };
    expect((await call('POST', '/complete', 'carol', { variables: { comment: 'fine' }, signature })).status).toBe(200);
    const releaseId = await env.openTask(instanceId, 'Task_Release');
    expect((await env.api.request('POST', `/api/instances/${instanceId}/cancel`, { ...as('admin'), body: { reason: 'obsolete' } })).status).toBeLessThan(300);
    // then
    const entries = await trail(`/api/tasks/${taskId}/audit`);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['task.created', 'system'],
      ['task.claimed', 'alice'],
      ['task.unclaimed', 'alice'],
      ['task.reassigned', 'admin'],
      ['task.rescheduled', 'admin'],
      ['task.signed', 'carol'],
      ['task.completed', 'carol'],
    ]);
    expect(entries.find((e) => e.action === 'task.reassigned')?.details).toMatchObject({ to: 'carol', reason: 'alice is busy' });
    expect(entries.find((e) => e.action === 'task.rescheduled')?.details).toMatchObject({ reason: 'waiting for the supplier' });
    expect(entries.find((e) => e.action === 'task.signed')?.details).toMatchObject({ meaning: 'approved', printedName: 'carol' });
    const release = await eventually(async () => {
      const rows = await trail(`/api/tasks/${releaseId}/audit`);
      return rows.some((e) => e.action === 'task.canceled') ? rows : undefined;
    }, 20_000, 'the release task to be canceled');
    expect(release.map((e) => e.action)).toEqual(['task.created', 'task.canceled']);
    const ofInstance = await eventually(async () => {
      const rows = await trail(`/api/instances/${instanceId}/audit`);
      return rows.some((e) => e.action === 'instance.canceled') ? rows : undefined;
    }, 20_000, 'the instance to be canceled');
    const ids = ofInstance.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ofInstance.map((e) => e.action)).toEqual(expect.arrayContaining(['instance.started', 'task.signed', 'task.canceled', 'instance.canceled']));
    expect(ofInstance.filter((e) => e.action === 'task.created')).toHaveLength(2);
  });

  it('records that a task opened for its assignee was assigned to them, once', async () => {
    // given
    await env.api.request('POST', '/api/definitions', { ...as('owner'), rawBody: assignedBpmn, contentType: 'application/xml' });
    const started = await env.api.request('POST', '/api/instances', { ...as('bob'), body: { processKey: 'assigned-check' } });
    const taskId = await env.openTask(started.body.id, 'check');
    // when
    const entries = await trail(`/api/tasks/${taskId}/audit`);
    // then
    expect(entries.map((e) => [e.action, e.actor, e.details.to ?? null])).toEqual([
      ['task.created', 'system', null],
      ['task.assigned', 'system', 'bob'],
    ]);
  });

  it('records an escalation of an overdue task once', async () => {
    // given
    await env.api.request('POST', '/api/definitions', { ...as('owner'), rawBody: escalatingBpmn, contentType: 'application/xml' });
    const started = await env.api.request('POST', '/api/instances', { ...as('alice'), body: { processKey: 'escalating-fix' } });
    const taskId = await env.openTask(started.body.id, 'fix');
    // when the due date passes
    const entries = await eventually(async () => {
      const rows = await trail(`/api/tasks/${taskId}/audit`);
      return rows.some((e) => e.action === 'task.escalated') ? rows : undefined;
    }, 20_000, 'the escalation');
    // then
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['task.created', 'system'],
      ['task.assigned', 'system'],
      ['task.escalated', 'system'],
    ]);
    expect(entries[2].details).toMatchObject({ level: 1 });
  });

  it('records a task handed to the substitute of an absent assignee as delegated, not assigned', async () => {
    // given bob is away with carol standing in
    const day = 24 * 3600_000;
    const away = { substitute: 'carol', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + day).toISOString() };
    expect((await env.api.request('POST', '/api/substitutions', { ...as('bob'), body: away })).status).toBe(201);
    // when a task for bob opens
    const started = await env.api.request('POST', '/api/instances', { ...as('owner'), body: { processKey: 'assigned-check' } });
    const taskId = await env.openTask(started.body.id, 'check');
    // then
    const entries = await trail(`/api/tasks/${taskId}/audit`);
    expect(entries.map((e) => [e.action, e.details.from ?? null, e.details.to ?? null])).toEqual([
      ['task.created', null, null],
      ['task.delegated', 'bob', 'carol'],
    ]);
  });

  it('shows a trail only to those who may see the task or the instance', async () => {
    // given
    const { instanceId, taskId } = await env.start();
    const status = async (who: keyof SignedApprovalApi['tokens'], path: string) => (await env.api.request('GET', path, as(who))).status;
    // then
    expect(await status('alice', `/api/tasks/${taskId}/audit`)).toBe(200);
    expect(await status('alice', `/api/instances/${instanceId}/audit`)).toBe(200);
    expect(await status('outsider', `/api/tasks/${taskId}/audit`)).toBe(404);
    expect(await status('outsider', `/api/instances/${instanceId}/audit`)).toBe(404);
    expect(await status('bob', `/api/tasks/${taskId}/audit`)).toBe(404);
    expect(await status('alice', '/api/tasks/no-such-task/audit')).toBe(404);
  });

  it('is append-only: no code changes or deletes an audit entry', () => {
    // given the server, activity and workflow sources
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const sources = ['engine', 'activities', 'workflows'].flatMap((dir) => typeScriptFiles(join(root, dir)));
    // when
    const offenders = sources.filter((file) => /auditEntry\s*\.\s*(update|updateMany|delete|deleteMany)\s*\(/.test(readFileSync(file, 'utf8')));
    // then
    expect(sources.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
