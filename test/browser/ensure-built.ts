/**
 * Builds the web app when `designer/dist` is missing or older than its sources, so a
 * browser test never clicks through yesterday's bundle. Test files run two at a time: a
 * lock folder lets one of them build while the other waits for that build, instead of
 * both emptying and writing `designer/dist` at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const designer = join(root, 'designer');
const builtIndex = join(designer, 'dist', 'index.html');
const lock = join(root, 'node_modules', '.cache', 'qualflow-designer-build.lock');
/** A lock older than this was left by a build that died. */
const LOCK_STALE_MS = 5 * 60_000;

/** The latest modification under `dir`; a folder's own time counts, so a deleted or renamed file does too. */
function newestChange(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // a file another process removes meanwhile counts through its folder's time
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0));
  }
  return newest;
}

function isFresh(): boolean {
  const sourcesChanged = Math.max(
    newestChange(join(designer, 'src')),
    statSync(join(designer, 'index.html')).mtimeMs,
    statSync(join(designer, 'vite.config.ts')).mtimeMs,
  );
  return existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sourcesChanged;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the build lock, waiting while another test file holds it. */
function takeLock(): void {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else sleep(250);
    }
  }
}

/**
 * Runs `vite build` for the designer unless the bundle is newer than every source file
 * (the decision is by modification time). @throws Error when the build fails.
 */
export function ensureDesignerBuilt(log: (line: string) => void = () => undefined): void {
  if (isFresh()) return;
  takeLock();
  try {
    if (isFresh()) return; // another test file built it while this one waited
    log('Building the web app (designer/dist is missing or stale)');
    const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'designer/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
