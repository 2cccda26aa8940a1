import { getDb, type Db } from '../db';
import type { Actor } from './auth/actor';
import { socketEmitter, type Emitter } from './realtime/emitter';

/**
 * What the process gives every verb and worker: the database, where to announce committed facts,
 * and a clock (tests pass fakes). Built once at start (server/start-server.ts).
 */
export type ServerDeps = { db: Db; emitter: Emitter; now: () => Date };

/** What every domain verb receives: the server's dependencies and who is asking. */
export type VerbContext = ServerDeps & { actor: Actor };

export function createContext(actor: Actor, overrides: Partial<Omit<VerbContext, 'actor'>> = {}): VerbContext {
  return {
    db: overrides.db ?? getDb(),
    actor,
    emitter: overrides.emitter ?? socketEmitter,
    now: overrides.now ?? (() => new Date()),
  };
}
