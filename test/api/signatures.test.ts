/**
 * Electronic signatures on task completions (21 CFR Part 11 §11.50, §11.70, §11.200),
 * through the API against the real interpreter: what a signed step asks, what a
 * signature records and shows, and that it cannot be forged, copied or guessed at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewBpmn, reviewForm } from './fixtures';
import { PASSWORD } from './support/api-harness';
import { startSignedApprovalApi, type SignedApprovalApi } from './support/signed-approval';

describe('electronic signatures', () => {
  let env: SignedApprovalApi;
  const complete = (token: string, taskId: string, body: Record<string, unknown>) =>
    env.api.request('POST', `/api/tasks/${taskId}/complete`, { token, body });
  const auditOf = (taskId: string, action: string) => env.api.db.auditEntry.findMany({ where: { taskId, action } });

  beforeAll(async () => {
    env = await startSignedApprovalApi();
  });
  afterAll(() => env?.stop());

  it('tells the signer what the step asks: the meanings to choose from, and the username at the first signing', async () => {
    // given
    const { taskId } = await env.start();
    // when
    const task = await env.api.request('GET', `/api/tasks/${taskId}`, { token: env.tokens.alice });
    // then
    expect(task.status).toBe(200);
    expect(task.body.signature).toEqual({ required: true, meanings: ['approved', 'rejected'], needsUsername: true });
    expect(task.body.signatures).toEqual([]);
  });

  it('refuses a completion without a signature, with a meaning the step does not allow, or without the username at the first signing', async () => {
    // given
    const { taskId } = await env.start();
    const variables = { comment: 'ok' };
    // when
    const unsigned = await complete(env.tokens.alice, taskId, { variables });
    const badMeaning = await complete(env.tokens.alice, taskId, { variables, signature: { username: 'alice', password: PASSWORD, meaning: 'reviewed' } });
    const noUsername = await complete(env.tokens.alice, taskId, { variables, signature: { password: PASSWORD, meaning: 'approved' } });
    // then
    expect([unsigned.status, badMeaning.status, noUsername.status]).toEqual([400, 400, 400]);
    expect(badMeaning.body.error).toContain('approved, rejected');
    expect((await env.api.db.task.findUniqueOrThrow({ where: { id: taskId } })).state).toBe('open');
    expect(await env.api.db.signature.count({ where: { taskId } })).toBe(0);
  });

  it('refuses a wrong password or another person’s username, audits the attempt and leaves the task open', async () => {
    // given
    const { taskId } = await env.start();
    // when
    const wrongPassword = await complete(env.tokens.alice, taskId, { variables: { comment: 'x' }, signature: { username: 'alice', password: 'guess', meaning: 'approved' } });
    const otherPerson = await complete(env.tokens.alice, taskId, { variables: { comment: 'x' }, signature: { username: 'owner', password: PASSWORD, meaning: 'approved' } });
    // then
    expect(wrongPassword.status).toBe(403);
    expect(otherPerson.status).toBe(403);
    const failures = await auditOf(taskId, 'signature.failed');
    expect(failures.map((entry) => [entry.actor, JSON.parse(entry.details).reason])).toEqual([
      ['alice', 'wrong-password'],
      ['alice', 'other-user'],
    ]);
    expect((await env.api.db.task.findUniqueOrThrow({ where: { id: taskId } })).state).toBe('open');
  });

  it('records and shows the signer’s printed name, the time and the meaning, hashed with the record, audited once', async () => {
    // given
    const { instanceId, taskId } = await env.start();
    const before = Date.now();
    // when
    const signed = await complete(env.tokens.alice, taskId, { variables: { comment: 'Looks right' }, signature: { username: 'alice', password: PASSWORD, meaning: 'approved' } });
    const task = await env.api.request('GET', `/api/tasks/${taskId}`, { token: env.tokens.alice });
    const ofInstance = await env.api.request('GET', `/api/instances/${instanceId}/signatures`, { token: env.tokens.alice });
    // then
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ state: 'completed', completedBy: 'alice' });
    expect(task.body.signature).toBeNull();
    expect(task.body.signatures).toEqual([
      expect.objectContaining({ taskId, instanceId, taskName: 'Approve the document', username: 'alice', printedName: 'alice', meaning: 'approved', intact: true }),
    ]);
    expect(new Date(task.body.signatures[0].signedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(ofInstance.body).toEqual(task.body.signatures);
    const row = await env.api.db.signature.findUniqueOrThrow({ where: { taskId } });
    expect(row.recordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(row.content)).toEqual({ comment: 'Looks right' });
    expect((await auditOf(taskId, 'task.signed')).map((entry) => [entry.actor, JSON.parse(entry.details).meaning])).toEqual([['alice', 'approved']]);
  });

  it('asks only for the password at later signings of the same session, and for both again in a new session', async () => {
    // given: alice signed in this session (test above)
    const { instanceId, taskId } = await env.start();
    await complete(env.tokens.alice, taskId, { variables: { comment: 'ok' }, signature: { username: 'alice', password: PASSWORD, meaning: 'approved' } });
    const releaseId = await env.openTask(instanceId, 'Task_Release');
    const newSession = await env.api.login('alice');
    // when
    const sameSession = await env.api.request('GET', `/api/tasks/${releaseId}`, { token: env.tokens.alice });
    const otherSession = await env.api.request('GET', `/api/tasks/${releaseId}`, { token: newSession });
    const passwordOnly = await complete(env.tokens.alice, releaseId, { variables: {}, signature: { password: PASSWORD, meaning: 'reviewed' } });
    // then
    expect(sameSession.body.signature).toEqual({ required: true, meanings: ['approved', 'reviewed', 'rejected'], needsUsername: false });
    expect(otherSession.body.signature.needsUsername).toBe(true);
    expect(passwordOnly.status).toBe(200);
    const signatures = await env.api.request('GET', `/api/instances/${instanceId}/signatures`, { token: env.tokens.alice });
    expect(signatures.body.map((s: { taskName: string; meaning: string }) => [s.taskName, s.meaning])).toEqual([
      ['Approve the document', 'approved'],
      ['Release the document', 'reviewed'],
    ]);
  });

  it('cannot be replayed: a completed task refuses the same request again, and a signature copied onto another record or altered is shown as broken', async () => {
    // given
    const first = await env.start();
    const second = await env.start();
    const body = { variables: { comment: 'Approved' }, signature: { username: 'alice', password: PASSWORD, meaning: 'approved' } };
    await complete(env.tokens.alice, first.taskId, body);
    await complete(env.tokens.alice, second.taskId, { ...body, variables: { comment: 'Approved' } });
    // when: the same request again, then the first signature copied over the second's, then content altered
    const replayed = await complete(env.tokens.alice, first.taskId, body);
    const original = await env.api.db.signature.findUniqueOrThrow({ where: { taskId: first.taskId } });
    const { id: _id, taskId: _taskId, instanceId: _instanceId, ...copied } = original;
    await env.api.db.signature.update({ where: { taskId: second.taskId }, data: copied });
    const copiedView = await env.api.request('GET', `/api/tasks/${second.taskId}`, { token: env.tokens.alice });
    await env.api.db.signature.update({ where: { taskId: first.taskId }, data: { content: JSON.stringify({ comment: 'Rejected' }) } });
    const alteredView = await env.api.request('GET', `/api/tasks/${first.taskId}`, { token: env.tokens.alice });
    // then
    expect(replayed.status).toBe(409);
    expect(copiedView.body.signatures[0]).toMatchObject({ meaning: 'approved', intact: false });
    expect(alteredView.body.signatures[0]).toMatchObject({ intact: false });
    expect(await auditOf(first.taskId, 'task.signed')).toHaveLength(1);
  });

  it('locks signing for a user after five failed attempts, even with the right password, audits each and tells the admins', async () => {
    // given
    const { taskId } = await env.start();
    const attempt = (password: string) => complete(env.tokens.carol, taskId, { variables: { comment: 'x' }, signature: { username: 'carol', password, meaning: 'approved' } });
    // when
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push((await attempt(`wrong-${i}`)).status);
    const locked = await attempt(PASSWORD);
    const othersStillSign = await complete(env.tokens.alice, taskId, { variables: { comment: 'y' }, signature: { username: 'alice', password: 'wrong', meaning: 'approved' } });
    // then
    expect(failures).toEqual([403, 403, 403, 403, 403]);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(othersStillSign.status).toBe(403);
    const reasons = (await auditOf(taskId, 'signature.failed')).filter((e) => e.actor === 'carol').map((e) => JSON.parse(e.details).reason);
    expect(reasons).toEqual(['wrong-password', 'wrong-password', 'wrong-password', 'wrong-password', 'wrong-password', 'locked']);
    expect((await env.api.db.task.findUniqueOrThrow({ where: { id: taskId } })).state).toBe('open');
    expect(await auditOf(taskId, 'signature.locked')).toHaveLength(1);
    const alarms = await env.api.db.notification.findMany({ where: { taskId, subject: { startsWith: 'Signing locked' } } });
    const told = await env.api.db.user.findMany({ where: { id: { in: alarms.map((n) => n.userId) } } });
    expect(told.map((u) => u.username).sort()).toEqual(['admin', 'carol']);
  });

  it('shows an instance’s signatures only to those who may see the instance', async () => {
    // given
    const { instanceId } = await env.start();
    // when
    const outsider = await env.api.request('GET', `/api/instances/${instanceId}/signatures`, { token: env.tokens.outsider });
    const admin = await env.api.request('GET', `/api/instances/${instanceId}/signatures`, { token: env.tokens.admin });
    // then
    expect(outsider.status).toBe(404);
    expect(admin.status).toBe(200);
  });

  it('asks no signature on a step that does not require one, and refuses one sent anyway', async () => {
    // given
    await env.api.request('POST', '/api/forms', { token: env.tokens.owner, body: reviewForm });
    await env.api.request('POST', '/api/definitions', { token: env.tokens.owner, rawBody: reviewBpmn, contentType: 'application/xml' });
    const started = await env.api.request('POST', '/api/instances', { token: env.tokens.alice, body: { processKey: 'api-review' } });
    const taskId = await env.openTask(started.body.id, 'Task_Review');
    // when
    const task = await env.api.request('GET', `/api/tasks/${taskId}`, { token: env.tokens.alice });
    const signed = await complete(env.tokens.alice, taskId, { variables: { decision: 'approve' }, signature: { username: 'alice', password: PASSWORD, meaning: 'approved' } });
    // then
    expect(task.body.signature).toBeNull();
    expect(signed.status).toBe(400);
  });
});
