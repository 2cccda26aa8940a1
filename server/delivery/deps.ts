import type { Db } from '../../db';
import type { Emitter } from '../realtime/emitter';

/** What delivery needs. A verb's context fits; the worker, which acts for nobody, builds its own. */
export type DeliveryDeps = { db: Db; emitter: Emitter; now: () => Date };
