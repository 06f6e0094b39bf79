import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTemporalHealth } from '../../engine/temporal/connection';
import { freePort } from '../support/ports';
import { testWorkflowBundle } from '../support/temporal';

/** `qualflow start` as a user runs it: a real process, its own dev server, Ctrl-C, start again. */
describe('qualflow start', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let temporalPort: number;
  let port: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qualflow-start-'));
    port = await freePort();
    temporalPort = await freePort();
    const { TEMPORAL_ADDRESS: _ignored, DATABASE_URL: _alsoIgnored, ...inherited } = process.env;
    env = {
      ...inherited,
      PORT: String(port),
      QUALFLOW_DATA_DIR: dataDir,
      QUALFLOW_TEMPORAL_PORT: String(temporalPort),
      QUALFLOW_CACHE_DIR: resolve('.cache'),
      QUALFLOW_WORKFLOW_BUNDLE: testWorkflowBundle().codePath,
      QUALFLOW_WEB_BUILD: 'false',
      QUALFLOW_DEMO_PASSWORD: 'start-test',
    };
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the seeded demo, stops cleanly on Ctrl-C and starts again with the instance still there', async () => {
    // given
    const first = await startCli(env);
    expect(first.output()).toContain('Demo logins (password "start-test"): admin, owner, manager, alice, bob');
    const token = await login(port, 'admin', 'start-test');
    const created = await api(port, token, 'POST', '/api/instances', { processKey: 'document-approval', businessKey: 'START-1' });
    const { id } = (await created.json()) as { id: string };
    await eventually(async () => expect((await instance(port, token, id)).activeElements.length).toBeGreaterThan(0));
    // when
    const exitCode = await interrupt(first.child);
    const temporalAfterStop = await checkTemporalHealth(`127.0.0.1:${temporalPort}`);
    const second = await startCli(env);
    try {
      // then
      expect(exitCode).toBe(0);
      expect(first.output()).toContain('Qualflow: stopped');
      expect(temporalAfterStop).toBeDefined();
      expect(second.output()).toContain('Database: up to date');
      expect(second.output()).not.toContain('Demo: seeding');
      const again = await instance(port, await login(port, 'admin', 'start-test'), id);
      expect(again.status).toBe('active');
      expect(again.activeElements.length).toBeGreaterThan(0);
    } finally {
      await interrupt(second.child);
    }
  }, 180_000);
});

async function startCli(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/cli.ts', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`qualflow start did not come up:\n${output}`)), 120_000);
    const check = () => {
      if (output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`qualflow start exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output };
}

function interrupt(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGINT');
  return exited;
}

async function login(port: number, username: string, password: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

function api(port: number, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function instance(port: number, token: string, id: string): Promise<{ status: string; activeElements: string[] }> {
  const response = await api(port, token, 'GET', `/api/instances/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; activeElements: string[] };
}

async function eventually(assertion: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
