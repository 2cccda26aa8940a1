import { describe, expect, it } from 'vitest';
import { clientFiles, importCycles, importsOf, sourceFiles, specifiersOf } from '../helpers/import-graph';

// The layers of docs/architecture.md, checked on the source: a rule only a document states is not
// kept. Each layer names what it may import; a layer is matched by the longest prefix.
//   contracts  pure: zod and itself
//   db         data: contracts and itself
//   kernel     shared services (auth, audit, config, errors, i18n, log, metrics, health): no domain
//   push       outbound real-time: contracts, the kernel, itself; never a domain
//   context    {db, emitter, now} + actor, what every verb receives
//   domain     server/<concept>/: the layers below and other domains (without cycles)
//   edge       http, pages, realtime, seed, the process entry: anything
const LAYERS = {
  contracts: { prefixes: ['server/contracts/'], mayImport: ['contracts'] },
  db: { prefixes: ['db/'], mayImport: ['contracts', 'db'] },
  kernel: { prefixes: ['server/kernel/'], mayImport: ['contracts', 'db', 'kernel'] },
  push: { prefixes: ['server/push/'], mayImport: ['contracts', 'kernel', 'push'] },
  context: { prefixes: ['server/context.ts'], mayImport: ['db', 'kernel', 'push'] },
  domain: { prefixes: ['server/'], mayImport: ['contracts', 'db', 'kernel', 'push', 'context', 'domain'] },
  edge: {
    prefixes: ['server/http/', 'server/pages/', 'server/realtime/', 'server/seed/', 'server/index.ts', 'server/start-server.ts'],
    mayImport: ['contracts', 'db', 'kernel', 'push', 'context', 'domain', 'edge'],
  },
} as const satisfies Record<string, { prefixes: readonly string[]; mayImport: readonly string[] }>;
type Layer = keyof typeof LAYERS;

function layerOf(file: string): Layer | null {
  let best: { layer: Layer; length: number } | null = null;
  for (const [layer, { prefixes }] of Object.entries(LAYERS) as [Layer, (typeof LAYERS)[Layer]][]) {
    for (const prefix of prefixes) {
      if (file.startsWith(prefix) && prefix.length > (best?.length ?? -1)) best = { layer, length: prefix.length };
    }
  }
  return best?.layer ?? null;
}

/** "from → to (layer → layer)" for each import of `file` that its layer may not make. */
function layerViolations(file: string, targets: string[]): string[] {
  const from = layerOf(file);
  if (!from) return [];
  const allowed: readonly Layer[] = LAYERS[from].mayImport;
  return targets.flatMap((target) => {
    const to = layerOf(target);
    return to && !allowed.includes(to) ? [`${file} → ${target} (${from} → ${to})`] : [];
  });
}

const serverAndDb = () => [...sourceFiles('server'), ...sourceFiles('db')];

describe('dependency boundaries', () => {
  it('browser code reaches into server/ only through server/contracts', () => {
    const offending = [...clientFiles()].filter((file) => file.startsWith('server/') && layerOf(file) !== 'contracts');
    expect(offending, 'server modules pulled into client bundles').toEqual([]);
  });

  it('each layer imports only the layers below it (and db/ only contracts)', () => {
    expect(serverAndDb().flatMap((file) => layerViolations(file, importsOf(file)))).toEqual([]);
  });

  it('server/contracts imports no package but zod', () => {
    const offending = sourceFiles('server/contracts').flatMap((file) =>
      specifiersOf(file)
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('@/') && specifier !== 'zod')
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('no two files in server/ or db/ import each other, directly or in a circle', () => {
    const graph = new Map(serverAndDb().map((file) => [file, importsOf(file)]));
    expect(importCycles(graph)).toEqual([]);
  });

  describe('the rules catch a violation', () => {
    it('a client file importing a contract is seen', () => {
      const probe = 'components/dispatch/role-reach.ts';
      expect(importsOf(probe)).toContain('server/contracts/staffing.ts');
      expect(clientFiles().has(probe)).toBe(true);
    });

    it('a domain importing the socket door, push importing a domain, db importing the kernel', () => {
      expect(layerViolations('server/dispatch/trigger-incident.ts', ['server/realtime/ack.ts'])).toHaveLength(1);
      expect(layerViolations('server/push/fan-out.ts', ['server/dispatch/views.ts'])).toHaveLength(1);
      expect(layerViolations('db/index.ts', ['server/kernel/config/env.ts'])).toHaveLength(1);
      expect(layerViolations('server/kernel/errors.ts', ['server/push/emitter.ts'])).toHaveLength(1);
      expect(layerViolations('server/dispatch/trigger-incident.ts', ['server/one-map/access.ts', 'server/push/fan-out.ts'])).toEqual([]);
    });

    it('a cycle of three and a file importing itself', () => {
      const graph = new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
        ['d', ['d']],
        ['e', ['a']],
      ]);
      expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
    });
  });
});
