import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryIncidentUpdate, stateQuery } from '../../workflows/contract';
import { ModelBuilder } from './builders';
import { createHarness, eventually, type Harness } from './harness';

describe('service task', () => {
  let harness: Harness;
  let supplierPortalUp = false;
  const calls: string[] = [];
  beforeAll(async () => {
    harness = await createHarness({
      handlers: {
        'acme:supplier-portal': async ({ elementInstanceId }) => {
          calls.push(elementInstanceId);
          if (!supplierPortalUp) throw new Error('supplier portal unreachable');
          return { scarId: 'SCAR-1' };
        },
      },
    });
    for (const username of ['alice', 'bob', 'carol']) {
      await harness.db.user.create({ data: { username, name: username, email: `${username}@example.com`, passwordHash: 'x', roles: 'staff' } });
    }
    const quality = await harness.db.group.create({ data: { name: 'quality' } });
    const carol = await harness.db.user.findUniqueOrThrow({ where: { username: 'carol' } });
    await harness.db.groupMember.create({ data: { userId: carol.id, groupId: quality.id } });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('qualflow:notify writes one notification per recipient, with expressions in its headers evaluated', async () => {
    // given
    const model = new ModelBuilder('notify')
      .start('start')
      .serviceTask('tell', {
        taskType: 'qualflow:notify',
        headers: { to: '=owner + ",bob"', toGroups: 'quality', subject: '="CAPA " + capaNumber + " opened"', body: 'Please have a look.' },
      })
      .end('end')
      .chain('start', 'tell', 'end')
      .build();

    // when
    const handle = await harness.start(model, { owner: 'alice', capaNumber: 'CAPA-7' });
    const result = await handle.result();

    // then
    expect(result.status).toBe('completed');
    const notifications = await harness.db.notification.findMany({ where: { instanceId: handle.workflowId } });
    const users = await harness.db.user.findMany();
    const recipients = notifications.map((n) => users.find((u) => u.id === n.userId)?.username).sort();
    expect(recipients).toEqual(['alice', 'bob', 'carol']);
    expect(notifications.every((n) => n.subject === 'CAPA CAPA-7 opened' && n.body === 'Please have a look.')).toBe(true);
    expect(notifications.every((n) => n.id.endsWith(':alice') || n.id.endsWith(':bob') || n.id.endsWith(':carol'))).toBe(true);
  });

  it('merges the variables a handler returns', async () => {
    // given
    const model = new ModelBuilder('set')
      .start('start')
      .serviceTask('set', { taskType: 'qualflow:set-variables', headers: { approved: 'true', reviewers: '["alice"]', note: 'ok' } })
      .end('end')
      .chain('start', 'set', 'end')
      .build();

    // when
    const result = await (await harness.start(model)).result();

    // then
    expect(result.variables).toEqual({ approved: true, reviewers: ['alice'], note: 'ok' });
  });

  it('raises an incident when no handler is registered for the task type', async () => {
    // given
    const model = new ModelBuilder('unknown-handler')
      .start('start')
      .serviceTask('mail', { taskType: 'acme:send-fax', retries: 3 })
      .end('end')
      .chain('start', 'mail', 'end')
      .build();

    // when
    const handle = await harness.start(model);
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId } }), 15_000, 'an incident');
    const state = await handle.query(stateQuery);
    await handle.cancel();
    const result = await handle.result();

    // then
    expect(incident).toMatchObject({ elementId: 'mail', state: 'open' });
    expect(incident.message).toContain('No handler is registered for service task type "acme:send-fax"');
    expect(state).toMatchObject({ status: 'incident', activeElements: ['mail'] });
    expect(result).toMatchObject({ status: 'canceled', incidents: [] });
  });

  it('raises an incident when the handler still fails after its retries, and continues once retried', async () => {
    // given
    const model = new ModelBuilder('flaky-handler')
      .start('start')
      .serviceTask('scar', { name: 'Send SCAR', taskType: 'acme:supplier-portal', retries: 2 })
      .end('end')
      .chain('start', 'scar', 'end')
      .build();
    const handle = await harness.start(model);
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId } }), 15_000, 'an incident');
    const attempts = calls.length;

    // when
    supplierPortalUp = true;
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id }] });
    const result = await handle.result();

    // then
    expect(attempts).toBe(2);
    expect(incident.message).toBe('Service task "Send SCAR" (acme:supplier-portal) failed after 2 attempts: supplier portal unreachable');
    expect(result).toMatchObject({ status: 'completed', variables: { scarId: 'SCAR-1' } });
  });
});
