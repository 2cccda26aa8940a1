import { getDb, type Db } from '../db';
import type { Actor } from './auth/actor';
import { socketEmitter, type Emitter } from './realtime/emitter';

/** What every domain verb receives: who is asking, the database, and where to announce committed facts. */
export type VerbContext = {
  db: Db;
  actor: Actor;
  emitter: Emitter;
  now: () => Date;
};

export function createContext(actor: Actor, overrides: Partial<Omit<VerbContext, 'actor'>> = {}): VerbContext {
  return {
    db: overrides.db ?? getDb(),
    actor,
    emitter: overrides.emitter ?? socketEmitter,
    now: overrides.now ?? (() => new Date()),
  };
}
