import type { Db } from '../../db';
import type { Emitter } from '../realtime/emitter';

/** The worker is nobody's request: it gets the database, the emitter and a clock (tests pass a fake one). */
export type EscalationDeps = { db: Db; emitter: Emitter; now: () => Date };
