import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The app as it was at `ref`, to measure against the working tree in the same run (same machine,
 * same load database, same phones): a detached git worktree in a temporary directory with a
 * hard-linked copy of this checkout's node_modules (Turbopack resolves nothing through a symlink
 * that leaves the worktree) and its own `next build` (minutes on 2 cores). Its database schema must
 * match the working tree's (the load database is seeded by the working tree's scripts).
 */
export function prepareRefWorktree(ref: string): { dir: string; commit: string; cleanup: () => void } {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  const dir = mkdtempSync(path.join(os.tmpdir(), `ecodispatch-ref-${commit}-`));
  execFileSync('git', ['worktree', 'add', '--detach', '--force', dir, commit], { stdio: 'ignore' });
  // Hard links need one file system: /tmp and the checkout are on the same one here; if not, set TMPDIR.
  execFileSync('cp', ['-al', path.resolve('node_modules'), path.join(dir, 'node_modules')]);
  if (!existsSync(path.join(dir, '.next/BUILD_ID'))) {
    console.log(`[bench] building ${commit} in ${dir}`);
    execFileSync('npx', ['next', 'build'], { cwd: dir, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }
  return { dir, commit, cleanup: () => execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' }) };
}
