import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type RouteMethod = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} ${string}`;

const API_DIR = path.resolve('app/api');
const EXPORTED_METHOD = /export\s+(?:async\s+)?(?:function|const|let)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

/** Every route handler under app/api as `METHOD /api/path/[param]`, read from the files themselves. */
export function discoverApiRoutes(): RouteMethod[] {
  const found: RouteMethod[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const route = `/api/${path.relative(API_DIR, dir).split(path.sep).join('/')}`;
        for (const match of readFileSync(full, 'utf8').matchAll(EXPORTED_METHOD)) found.push(`${match[1]} ${route}` as RouteMethod);
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

/** The custom server answers these itself, before Next (server/http/ops-routes.ts). */
export const SERVER_ROUTES: RouteMethod[] = ['GET /api/health'];

/** Socket events a client may send, read from the typed contract (server/contracts/events.ts). */
export function discoverSocketEvents(): string[] {
  const source = readFileSync(path.resolve('server/contracts/events.ts'), 'utf8');
  const block = source.slice(source.indexOf('export type ClientToServerEvents'));
  return [...block.slice(0, block.indexOf('};')).matchAll(/'([a-z]+:[a-z-]+)'\s*:/g)].map((match) => match[1]!).sort();
}
