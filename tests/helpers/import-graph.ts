import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The project's import graph, read from the source: static `import … from`, `export … from` and
// `import()`, which is all this code base uses. Paths are project-relative with '/' separators.
export const ROOT = path.resolve(import.meta.dirname, '../..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const toPosix = (file: string) => file.split(path.sep).join('/');
const isFile = (relative: string) => existsSync(path.join(ROOT, relative)) && statSync(path.join(ROOT, relative)).isFile();
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

export function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'migrations' || entry.name === 'migrations-pg' ? [] : sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** Every specifier `file` imports, packages included. */
export const specifiersOf = (file: string): string[] => [...read(file).matchAll(IMPORT)].map((match) => match[1] ?? match[2]!);

/** Project files `file` imports (packages are left out). */
export function importsOf(file: string): string[] {
  return specifiersOf(file).flatMap((specifier) => {
    const base = specifier.startsWith('@/')
      ? specifier.slice(2)
      : specifier.startsWith('.')
        ? toPosix(path.join(path.dirname(file), specifier))
        : null;
    if (base === null) return [];
    const resolved = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((suffix) => base + suffix).find(isFile);
    return resolved ? [toPosix(path.normalize(resolved))] : [];
  });
}

export const isClientEntry = (file: string) => /^\s*['"]use client['"]/.test(read(file));

/** Every file a browser bundle may contain: the 'use client' files and everything they import. */
export function clientFiles(): Set<string> {
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

/** The import cycles among `files` (strongly connected components of more than one file, Tarjan). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
