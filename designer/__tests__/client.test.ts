import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, apiRequest, onUnauthorized, setApiBaseUrl, setToken } from '../src/api/client';

// A real HTTP server standing in for the API: it echoes what it received.
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url?.startsWith('/api/tasks/t1/complete')) {
        res.writeHead(409, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: 'Task is already completed' }));
      } else if (req.url === '/api/me') {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end('{"message":"Sign in first"}');
      } else if (req.url?.endsWith('/xml')) {
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        res.end('<definitions/>');
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, url: req.url, auth: req.headers.authorization ?? null, body }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  setApiBaseUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  setToken(null);
  await new Promise((resolve) => server.close(resolve));
});

describe('api client', () => {
  it('sends the bearer token, a JSON body, and only the query values that are set', async () => {
    // given
    setToken('secret-token');
    // when
    const echo = await apiRequest<{ method: string; url: string; auth: string; body: string }>('/api/tasks', {
      query: { state: 'open', assignee: 'me', candidateGroup: undefined, overdue: true },
      body: { a: 1 },
    });
    // then
    expect(echo).toEqual({
      method: 'POST',
      url: '/api/tasks?state=open&assignee=me&overdue=true',
      auth: 'Bearer secret-token',
      body: '{"a":1}',
    });
  });

  it('throws an error carrying the status and the parsed body', async () => {
    // given / when
    const error = await apiRequest('/api/tasks/t1/complete', { body: { variables: {} } }).catch((e: unknown) => e);
    // then
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, body: { message: 'Task is already completed' }, message: 'Task is already completed' });
  });

  it('tells its listeners when the session has ended', async () => {
    // given
    let ended = 0;
    const stop = onUnauthorized(() => ended++);
    // when
    await apiRequest('/api/me').catch(() => undefined);
    stop();
    // then
    expect(ended).toBe(1);
  });

  it('returns text answers as text', async () => {
    // given / when
    const xml = await apiRequest<string>('/api/definitions/doc/xml', { text: true });
    // then
    expect(xml).toBe('<definitions/>');
  });
});
