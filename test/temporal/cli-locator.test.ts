import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locateTemporalCli } from '../../engine/temporal/cli-locator';

// The global test setup already ran the locator, so the project cache holds the CLI.
const projectCache = resolve('.cache');
const cachedCli = join(projectCache, 'temporal', 'bin', 'temporal');

describe('locateTemporalCli', () => {
  let emptyCache: string;
  beforeEach(async () => {
    emptyCache = await mkdtemp(join(tmpdir(), 'qualflow-cache-'));
  });
  afterEach(async () => {
    await rm(emptyCache, { recursive: true, force: true });
  });

  it('uses the binary TEMPORAL_CLI names', async () => {
    // given
    const lines: string[] = [];
    // when
    const found = await locateTemporalCli({ cacheDir: emptyCache, env: { TEMPORAL_CLI: cachedCli, PATH: '' }, log: (l) => lines.push(l) });
    // then
    expect(found).toBe(cachedCli);
    expect(lines.join('\n')).toContain('temporal version');
  });

  it('rejects a TEMPORAL_CLI that does not run', async () => {
    // when
    const locating = locateTemporalCli({ cacheDir: emptyCache, env: { TEMPORAL_CLI: '/nonexistent/temporal', PATH: '' } });
    // then
    await expect(locating).rejects.toThrow('TEMPORAL_CLI=/nonexistent/temporal does not run');
  });

  it('finds the copy cached in the project without anything on PATH', async () => {
    // when
    const found = await locateTemporalCli({ cacheDir: projectCache, env: { PATH: '' } });
    // then
    expect(found).toBe(cachedCli);
  });

  it('says what to install when it finds no CLI and neither pip nor go is available', async () => {
    // when
    const locating = locateTemporalCli({ cacheDir: emptyCache, env: { PATH: '' } });
    // then
    await expect(locating).rejects.toThrow(/Temporal CLI not found[\s\S]*no python3 on PATH[\s\S]*no go on PATH[\s\S]*TEMPORAL_CLI=/);
  });
});
