import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailConfig } from '../../engine/config';
import { notifyUsers } from '../../activities/notifications';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';

/** No SMTP server: every mail lands in the outbox. */
const outboxOnly: MailConfig = { from: 'Qualflow <qualflow@qms.example>', publicUrl: 'https://qms.example', digestHour: 7, digestTimeZone: 'UTC' };

describe('notifications API', () => {
  let api: ApiHarness;
  let admin: string;
  let alice: string;
  let bob: string;
  let minute = 0;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    [admin, alice, bob] = [await api.login('admin'), await api.login('alice'), await api.login('bob')];
  });
  afterAll(() => api.close());

  async function notify(eventId: string, usernames: string[], subject = `About ${eventId}`) {
    const clock = () => new Date(Date.UTC(2026, 10, 25, 9, minute++));
    await notifyUsers({ db: api.db, clock, mail: outboxOnly }, { eventId, kind: 'task.assigned', usernames, subject, text: `${subject}.` });
  }

  it('lists only my notifications, newest first, with paging, the unread filter and the unread count', async () => {
    // given
    await notify('list-1', ['alice', 'bob']);
    await notify('list-2', ['alice']);
    await notify('list-3', ['alice']);
    await api.db.notification.update({ where: { id: 'list-1:alice' }, data: { readAt: new Date() } });

    // when
    const firstPage = await api.request('GET', '/api/notifications?pageSize=2', { token: alice });
    const unread = await api.request('GET', '/api/notifications?unread=true', { token: alice });
    const bobs = await api.request('GET', '/api/notifications', { token: bob });

    // then
    expect(firstPage.status).toBe(200);
    expect(firstPage.body.items.map((n: { id: string }) => n.id)).toEqual(['list-3:alice', 'list-2:alice']);
    expect(firstPage.body).toMatchObject({ total: 3, unread: 2 });
    expect(firstPage.body.items[0]).toMatchObject({ kind: 'task.assigned', subject: 'About list-3', eventId: 'list-3', readAt: null });
    expect(unread.body.items.map((n: { id: string }) => n.id)).toEqual(['list-3:alice', 'list-2:alice']);
    expect(bobs.body.items.map((n: { id: string }) => n.id)).toEqual(['list-1:bob']);
  });

  it('marks my notification read, but never one of someone else', async () => {
    // given
    await notify('read-1', ['alice', 'bob']);

    // when
    const mine = await api.request('POST', '/api/notifications/read-1:alice/read', { token: alice });
    const again = await api.request('POST', '/api/notifications/read-1:alice/read', { token: alice });
    const theirs = await api.request('POST', '/api/notifications/read-1:bob/read', { token: alice });

    // then
    expect(mine.status).toBe(200);
    expect(mine.body.readAt).toEqual(expect.any(String));
    expect(again.body.readAt).toBe(mine.body.readAt);
    expect(theirs.status).toBe(404);
    expect((await api.db.notification.findUniqueOrThrow({ where: { id: 'read-1:bob' } })).readAt).toBeNull();
  });

  it('marks all my notifications read and leaves everybody else\'s alone', async () => {
    // given
    await notify('all-1', ['alice', 'bob']);
    await notify('all-2', ['alice']);

    // when
    const response = await api.request('POST', '/api/notifications/read-all', { token: alice });

    // then
    expect(response.status).toBe(200);
    expect(response.body.marked).toBeGreaterThanOrEqual(2);
    const alicesUnread = await api.request('GET', '/api/notifications?unread=true', { token: alice });
    expect(alicesUnread.body).toMatchObject({ total: 0, unread: 0 });
    expect((await api.db.notification.findUniqueOrThrow({ where: { id: 'all-1:bob' } })).readAt).toBeNull();
  });

  it('shows the outbox to admins only', async () => {
    // given
    await notify('outbox-1', ['bob'], 'Review SOP-12');

    // when
    const asAdmin = await api.request('GET', '/api/outbox?state=outbox&username=bob', { token: admin });
    const asStaff = await api.request('GET', '/api/outbox', { token: alice });
    const anonymous = await api.request('GET', '/api/outbox');

    // then
    expect(asAdmin.status).toBe(200);
    const mail = asAdmin.body.items.find((m: { id: string }) => m.id === 'outbox-1:bob');
    expect(mail).toMatchObject({ to: 'bob@example.com', subject: 'Review SOP-12', state: 'outbox', attempts: 0, sentAt: null });
    expect(mail.text).toContain('https://qms.example/#/notifications');
    expect(asAdmin.body.items.every((m: { username: string }) => m.username === 'bob')).toBe(true);
    expect(asStaff.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });

  it('lets me choose the daily digest, which then keeps my mail for it', async () => {
    // when
    const chosen = await api.request('PUT', '/api/users/me/preferences', { token: bob, body: { notifyBy: 'digest' } });
    const read = await api.request('GET', '/api/users/me/preferences', { token: bob });
    await notify('pref-1', ['alice', 'bob']);

    // then
    expect(chosen.status).toBe(200);
    expect(read.body).toEqual({ notifyBy: 'digest' });
    const states = await api.db.mailMessage.findMany({ where: { eventId: 'pref-1' }, orderBy: { id: 'asc' } });
    expect(states.map((m) => [m.username, m.state])).toEqual([['alice', 'outbox'], ['bob', 'digest']]);
    expect((await api.request('GET', '/api/users/me/preferences', { token: alice })).body).toEqual({ notifyBy: 'immediate' });
  });

  it('refuses an unknown preference with the field named', async () => {
    // when
    const response = await api.request('PUT', '/api/users/me/preferences', { token: alice, body: { notifyBy: 'pigeon' } });

    // then
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ path: 'notifyBy' })]);
  });
});
