import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from './support/api-harness';

describe('serving the front end', () => {
  let api: ApiHarness;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qualflow-static-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Qualflow</title>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log("qualflow")');
    api = await startApi({ staticDir: dir });
  });
  afterAll(async () => {
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the built files, without a login', async () => {
    const response = await api.request('GET', '/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.text).toContain('qualflow');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers client-side routes with index.html', async () => {
    const response = await api.request('GET', '/tasks/123');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<title>Qualflow</title>');
  });

  it('keeps unknown API paths as JSON 404s', async () => {
    const response = await api.request('GET', '/api/unknown');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
