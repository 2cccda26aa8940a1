import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The dependency rules of docs/architecture.md, checked on the source: a rule only a document
// states is not kept. Imports are read with a regex (static `import … from`, `export … from`
// and `import()`), which is all this code base uses.
const ROOT = path.resolve(import.meta.dirname, '../..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** Project-relative paths of the project files `file` imports (packages are left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2]!;
    const base = specifier.startsWith('@/')
      ? specifier.slice(2)
      : specifier.startsWith('.')
        ? path.join(path.dirname(file), specifier)
        : null;
    if (base === null) continue;
    const resolved = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((suffix) => base + suffix).find((candidate) => isFile(candidate));
    if (resolved) targets.push(path.normalize(resolved));
  }
  return targets;
}
const isFile = (relative: string) => existsSync(path.join(ROOT, relative)) && statSync(path.join(ROOT, relative)).isFile();
const isClientEntry = (file: string) => /^\s*['"]use client['"]/.test(readFileSync(path.join(ROOT, file), 'utf8'));

/** Every file a browser bundle may contain: the 'use client' files and everything they import. */
function clientFiles(): Set<string> {
  const seen = new Set<string>();
  const queue = [...sourceFiles('components'), ...sourceFiles('app')].filter(isClientEntry);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return seen;
}

const isContract = (file: string) => file.startsWith(`server${path.sep}contracts${path.sep}`);

describe('dependency boundaries', () => {
  it('browser code reaches into server/ only through server/contracts', () => {
    const offending = [...clientFiles()].filter((file) => file.startsWith(`server${path.sep}`) && !isContract(file));
    expect(offending, 'server modules pulled into client bundles').toEqual([]);
  });

  it('server/contracts is pure: it imports zod and itself, nothing else', () => {
    const offending = sourceFiles('server/contracts').flatMap((file) => {
      const packages = [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(IMPORT)]
        .map((match) => match[1] ?? match[2]!)
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('@/') && specifier !== 'zod');
      const local = importsOf(file).filter((target) => !isContract(target));
      return [...packages, ...local].map((target) => `${file} → ${target}`);
    });
    expect(offending).toEqual([]);
  });

  it('the push layer imports no domain: only contracts, the logger and itself', () => {
    const isPush = (file: string) => file.startsWith(`server${path.sep}push${path.sep}`);
    const isLog = (file: string) => file.startsWith(`server${path.sep}log${path.sep}`);
    const offending = sourceFiles('server/push').flatMap((file) =>
      importsOf(file)
        .filter((target) => !isContract(target) && !isPush(target) && !isLog(target))
        .map((target) => `${file} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('the rules catch a violation (a client file importing a verb)', () => {
    const probe = 'components/dispatch/role-reach.ts';
    expect(importsOf(probe)).toContain(path.normalize('server/contracts/staffing.ts'));
    expect(clientFiles().has(probe)).toBe(true);
  });
});
