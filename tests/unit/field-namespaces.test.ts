import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_NAMESPACES } from '@/app/(field)/field-namespaces';
import { pickNamespaces } from '@/app/root-document';
import { getMessages } from '@/i18n/messages';

const root = process.cwd();

/** Our own modules the phone page imports, transitively (not node_modules). */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
      const base = specifier!.startsWith('@/')
        ? path.join(root, specifier!.slice(2))
        : specifier!.startsWith('.')
          ? path.resolve(path.dirname(file), specifier!)
          : null;
      if (!base) continue;
      const resolved = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
        .map((ending) => base + ending)
        .find((candidate) => existsSync(candidate) && !candidate.endsWith('/'));
      if (resolved && /\.tsx?$/.test(resolved)) visit(resolved);
    }
  };
  visit(entry);
  return [...seen];
}

describe('the phone page carries only the message catalogs it uses', () => {
  const files = moduleGraph(path.join(root, 'app/(field)/field/page.tsx'));

  it('lists every namespace its client components read', () => {
    const used = new Set<string>();
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, `${file} reads all catalogs (useTranslations() without a namespace)`).not.toMatch(/useTranslations\(\s*\)/);
      for (const [, namespace] of source.matchAll(/useTranslations\(\s*['"]([^'"]+)['"]/g)) used.add(namespace!);
    }
    expect(files.length).toBeGreaterThan(20);
    const isCovered = (namespace: string) => FIELD_NAMESPACES.some((given) => namespace === given || namespace.startsWith(`${given}.`));
    expect([...used].filter((namespace) => !isCovered(namespace))).toEqual([]);
  });

  it('picks whole namespaces and parts of one, and refuses a name that does not exist', () => {
    const picked = pickNamespaces(getMessages('zh-CN'), FIELD_NAMESPACES) as Record<string, Record<string, unknown>>;
    expect(Object.keys(picked).sort()).toEqual([
      'auth',
      'channels',
      'common',
      'deliveryOutcome',
      'errors',
      'field',
      'fieldReports',
      'materials',
      'offline',
      'oneMap',
      'reinforce',
    ]);
    expect(Object.keys(picked.channels!)).toEqual(['push']);
    expect(picked.field).toEqual(getMessages('zh-CN').field);
    expect(() => pickNamespaces(getMessages('en'), ['nope'])).toThrow('no message namespace "nope"');
  });
});
