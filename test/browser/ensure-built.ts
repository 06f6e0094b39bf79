/**
 * Builds the web app when `designer/dist` is missing or older than its sources, so a
 * browser test never clicks through yesterday's bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const designer = join(root, 'designer');
const builtIndex = join(designer, 'dist', 'index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `vite build` for the designer unless the bundle is newer than every source file. @throws Error when the build fails. */
export function ensureDesignerBuilt(log: (line: string) => void = () => undefined): void {
  const sourcesChanged = Math.max(
    newestChange(join(designer, 'src')),
    statSync(join(designer, 'index.html')).mtimeMs,
    statSync(join(designer, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sourcesChanged) return;
  log('Building the web app (designer/dist is missing or stale)');
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'designer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}
