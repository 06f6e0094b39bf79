/**
 * Comments and attachments on a task: whoever may see the task reads and adds them;
 * files are limited in type and size, checked against their declared type, and come
 * back as downloads the browser will not run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../engine/api/attachment-upload';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertTask } from './support/rows';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('comments on a task', () => {
  let api: ApiHarness;
  let tokens: Record<'alice' | 'carol' | 'bob' | 'manager', string>;
  let taskId: string;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    const [alice, carol, bob, manager] = await Promise.all(['alice', 'carol', 'bob', 'manager'].map((u) => api.login(u)));
    tokens = { alice, carol, bob, manager };
    taskId = await insertTask(api.db, { name: 'Investigate root cause', assignee: 'alice', candidateGroups: ['quality'] });
  });
  afterAll(() => api.close());

  it('shows the comments of everyone who may see the task, oldest first, with author and time', async () => {
    // when alice and carol (same group) comment
    const first = await api.request('POST', `/api/tasks/${taskId}/comments`, { token: tokens.alice, body: { text: 'Five whys done, see attachment.' } });
    const second = await api.request('POST', `/api/tasks/${taskId}/comments`, { token: tokens.carol, body: { text: '  Agreed.  ' } });
    // then the manager of alice reads both in order
    const list = await api.request('GET', `/api/tasks/${taskId}/comments`, { token: tokens.manager });
    expect(first.status, first.text).toBe(201);
    expect(second.status).toBe(201);
    expect(list.body.items.map((c: { author: string; text: string }) => [c.author, c.text])).toEqual([
      ['alice', 'Five whys done, see attachment.'],
      ['carol', 'Agreed.'],
    ]);
    expect(list.body.items[0]).toMatchObject({ taskId, createdAt: expect.any(String) });
  });

  it('hides the comments of a task from someone who may not see it (404), and writes nothing for them', async () => {
    const read = await api.request('GET', `/api/tasks/${taskId}/comments`, { token: tokens.bob });
    const write = await api.request('POST', `/api/tasks/${taskId}/comments`, { token: tokens.bob, body: { text: 'hello' } });
    expect(read.status).toBe(404);
    expect(write.status).toBe(404);
    expect(await api.db.taskComment.count({ where: { author: 'bob' } })).toBe(0);
  });

  it('refuses an empty comment', async () => {
    const response = await api.request('POST', `/api/tasks/${taskId}/comments`, { token: tokens.alice, body: { text: '   ' } });
    expect(response.status).toBe(400);
  });
});

describe('attachments on a task', () => {
  let api: ApiHarness;
  let alice: string;
  let bob: string;
  let taskId: string;

  const upload = (token: string, id: string, fileName: string, contentType: string, data: Buffer) =>
    fetch(`${api.url}/api/tasks/${id}/attachments?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: new Uint8Array(data),
    });

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    [alice, bob] = await Promise.all([api.login('alice'), api.login('bob')]);
    taskId = await insertTask(api.db, { name: 'Containment', assignee: 'alice' });
  });
  afterAll(() => api.close());

  it('round-trips a PDF: listed with size and hash, downloaded byte for byte with safe headers', async () => {
    // when alice attaches a PDF with a non-ASCII name
    const response = await upload(alice, taskId, 'Prüfbericht "final".pdf', 'application/pdf', PDF);
    const created = await response.json();
    const listed = await api.request('GET', `/api/tasks/${taskId}/attachments`, { token: alice });
    const download = await fetch(`${api.url}/api/attachments/${created.id}`, { headers: { authorization: `Bearer ${alice}` } });
    const bytes = Buffer.from(await download.arrayBuffer());
    // then
    expect(response.status).toBe(201);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.id, fileName: 'Prüfbericht "final".pdf', contentType: 'application/pdf', size: PDF.length, uploadedBy: 'alice' })]);
    expect(listed.body.items[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(bytes.equals(PDF)).toBe(true);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Pr_fbericht _final_.pdf"; filename*=UTF-8''Pr%C3%BCfbericht%20%22final%22.pdf`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    // and the audit trail says who added which file
    const audit = await api.db.auditEntry.findMany({ where: { taskId, action: 'attachment.added' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'alice' });
    expect(JSON.parse(audit[0].details)).toMatchObject({ attachmentId: created.id, fileName: 'Prüfbericht "final".pdf', size: PDF.length, sha256: listed.body.items[0].sha256 });
  });

  it('refuses a type outside the allow-list, and bytes that are not of the declared type (415)', async () => {
    const html = await upload(alice, taskId, 'page.html', 'text/html', Buffer.from('<script>alert(1)</script>'));
    const fakePdf = await upload(alice, taskId, 'fake.pdf', 'application/pdf', Buffer.from('<html>not a pdf</html>'));
    expect(html.status).toBe(415);
    expect(fakePdf.status).toBe(415);
  });

  it('refuses a file over the size limit (413) and an empty one (400)', async () => {
    const tooBig = await upload(alice, taskId, 'big.txt', 'text/plain', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x61));
    const empty = await upload(alice, taskId, 'empty.txt', 'text/plain', Buffer.alloc(0));
    expect(tooBig.status).toBe(413);
    expect(empty.status).toBe(400);
  });

  it('refuses a file name with a folder in it', async () => {
    const response = await upload(alice, taskId, '../../etc/passwd', 'text/plain', Buffer.from('x'));
    expect(response.status).toBe(400);
  });

  it('keeps files of a task from someone who may not see it: no upload, no list, no download (404)', async () => {
    const mine = await (await upload(alice, taskId, 'notes.txt', 'text/plain', Buffer.from('private'))).json();
    const theirUpload = await upload(bob, taskId, 'x.txt', 'text/plain', Buffer.from('x'));
    const theirList = await api.request('GET', `/api/tasks/${taskId}/attachments`, { token: bob });
    const theirDownload = await api.request('GET', `/api/attachments/${mine.id}`, { token: bob });
    expect(theirUpload.status).toBe(404);
    expect(theirList.status).toBe(404);
    expect(theirDownload.status).toBe(404);
  });

  it('accepts no new file once the task is closed (409)', async () => {
    const closed = await insertTask(api.db, { name: 'Done', assignee: 'alice', state: 'completed', completedBy: 'alice' });
    const response = await upload(alice, closed, 'late.txt', 'text/plain', Buffer.from('late'));
    expect(response.status).toBe(409);
  });
});
