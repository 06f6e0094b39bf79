/**
 * The tasklist's change feed: `GET /api/tasks/events` answers a server-sent event at once
 * and another when a task the user may see opens or is claimed, and nothing for tasks
 * they may not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertTask } from './support/rows';

/** Reads the `tasks` events of an open stream one at a time. */
async function openFeed(url: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/tasks/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    response,
    /** The data of the next `tasks` event. */
    async next(): Promise<{ fingerprint: string }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (block.includes('event: tasks') && data) return JSON.parse(data.slice('data: '.length));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += value;
      }
    },
    close: () => controller.abort(),
  };
}

describe('task events', () => {
  let api: ApiHarness;
  let alice: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    alice = await api.login('alice');
  });
  afterAll(() => api.close());

  it('streams an event at once and another when a task of her group opens, then when she claims it', async () => {
    // given alice's open feed
    const feed = await openFeed(api.url, alice);
    const first = await feed.next();
    expect(feed.response.headers.get('content-type')).toContain('text/event-stream');
    // when a task for bob's group opens (not hers), then one for her group
    await insertTask(api.db, { name: 'Not hers', candidateGroups: ['document-control'] });
    const id = await insertTask(api.db, { name: 'Hers', candidateGroups: ['quality'] });
    const second = await feed.next();
    // and she claims it
    await api.request('POST', `/api/tasks/${id}/claim`, { token: alice });
    const third = await feed.next();
    feed.close();
    // then each change gave a new fingerprint
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(third.fingerprint).not.toBe(second.fingerprint);
  }, 30_000);

  it('does not change for a task she may not see', async () => {
    // given two feeds opened one after the other, with only bob's task inserted between them
    const before = await openFeed(api.url, alice);
    const a = await before.next();
    before.close();
    await insertTask(api.db, { name: 'Bob only', candidateGroups: ['document-control'] });
    const after = await openFeed(api.url, alice);
    const b = await after.next();
    after.close();
    // then her fingerprint is the same
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it('needs a session (401)', async () => {
    const response = await api.request('GET', '/api/tasks/events');
    expect(response.status).toBe(401);
  });
});
