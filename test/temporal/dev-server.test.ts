import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { locateTemporalCli } from '../../engine/temporal/cli-locator';
import { checkTemporalHealth, connectTemporal } from '../../engine/temporal/connection';
import { startDevServer, type DevServer } from '../../engine/temporal/dev-server';
import { freePort } from '../support/ports';
import { testTemporalAddress } from '../support/temporal';

const cacheDir = resolve('.cache');

describe('the Temporal dev server launcher', () => {
  let server: DevServer | undefined;
  let blocker: Server | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await new Promise((done) => (blocker ? blocker.close(done) : done(undefined)));
    blocker = undefined;
  });

  it('starts a server that answers health checks, and stop() frees its port', async () => {
    // given
    const cliPath = await locateTemporalCli({ cacheDir });
    const port = await freePort();
    // when
    server = await startDevServer({ cliPath, port });
    const healthWhileRunning = await checkTemporalHealth(server.address);
    await server.stop();
    // then
    expect(healthWhileRunning).toBeUndefined();
    expect(await canListen(port)).toBe(true);
  });

  it('refuses a port that another process already listens on, saying so', async () => {
    // given
    const cliPath = await locateTemporalCli({ cacheDir });
    const port = await freePort();
    blocker = await listen(port);
    // when
    const starting = startDevServer({ cliPath, port });
    // then
    await expect(starting).rejects.toThrow(`Temporal gRPC port ${port} is already in use`);
  });

  it('gives the shared test server the search attributes the engine sets', async () => {
    // given
    const { connection, close } = await connectTemporal(testTemporalAddress());
    // when
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
    await close();
    // then
    expect(Object.keys(customAttributes ?? {})).toEqual(expect.arrayContaining(['QualflowProcessKey', 'QualflowBusinessKey']));
  });
});

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function canListen(port: number): Promise<boolean> {
  try {
    const server = await listen(port);
    await new Promise((done) => server.close(done));
    return true;
  } catch {
    return false;
  }
}
