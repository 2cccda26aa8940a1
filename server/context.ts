import type { Db } from '../db';
import type { Actor } from './kernel/auth/actor';
import type { Emitter } from './push/emitter';

/**
 * What the process gives every verb and worker: the database, where to announce committed facts,
 * and a clock (tests pass fakes). Built once at start by server/start-server.ts, which alone
 * knows the concrete database and emitter; nothing below it imports them.
 */
export type ServerDeps = { db: Db; emitter: Emitter; now: () => Date };

/** What every domain verb receives: the server's dependencies and who is asking. */
export type VerbContext = ServerDeps & { actor: Actor };

// On globalThis, not in module state: Next's route handlers and server components run in Next's
// bundle, which has its own copy of this module, while the custom server registers the deps.
const globalForDeps = globalThis as unknown as { ecodispatchDeps?: ServerDeps };

/** Registers (or, with undefined, withdraws) the process's dependencies; server/start-server.ts only. */
export function setServerDeps(deps: ServerDeps | undefined): void {
  globalForDeps.ecodispatchDeps = deps;
}

/** The process's dependencies, for the edges (route handlers, pages). Throws before the server started. */
export function serverDeps(): ServerDeps {
  const deps = globalForDeps.ecodispatchDeps;
  if (!deps) throw new Error('server dependencies not registered: start the app with server/index.ts (npm start / npm run dev)');
  return deps;
}

/** A verb's context for `actor`: the registered dependencies, or the ones given (tests, the socket door). */
export function createContext(actor: Actor, given: Partial<ServerDeps> = {}): VerbContext {
  const registered = given.db && given.emitter ? undefined : serverDeps();
  return {
    db: given.db ?? registered!.db,
    emitter: given.emitter ?? registered!.emitter,
    now: given.now ?? registered?.now ?? (() => new Date()),
    actor,
  };
}
