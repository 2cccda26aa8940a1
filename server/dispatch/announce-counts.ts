import type { VerbContext } from '../context';
import { announceIncidentUpdate } from './announce';
import { loadIncidentSummary } from './views';
import { log } from '../kernel/log/logger';
import { COUNTS_WINDOW_MS } from '../push/flow-control';

// After a 收到 the board's header counts change (acknowledged n of N). Counting is an index scan
// over the incident's assignments, so one count per 收到 grew with N²: at 10,000 phones the
// counts alone took ≈ 8 s of the server's time (bench/dispatch-fanout.ts, --cpu-prof). The board
// gets each row's change at once anyway (assignment:updated); the header summary is throttled per
// incident instead: the first 收到 of a quiet spell is announced at once, and further ones at most
// once per window (COUNTS_WINDOW_MS), the last of them always (nothing is left uncounted).

type Throttle = { timer: NodeJS.Timeout; isDirty: boolean; ctx: VerbContext; auditId: string };
const throttles = new Map<string, Throttle>();

async function announce(ctx: VerbContext, incidentId: string, auditId: string): Promise<void> {
  const incident = await loadIncidentSummary(ctx.db, ctx.actor.jurisdictionId, incidentId);
  if (incident) announceIncidentUpdate(ctx, incident, { auditId });
}

/**
 * Announces the incident's new summary now, or (within the window after the last announcement)
 * once the window ends. Resolves once an immediate announcement has gone out.
 */
export async function announceIncidentCounts(ctx: VerbContext, incidentId: string, auditId: string): Promise<void> {
  const throttle = throttles.get(incidentId);
  if (throttle) {
    Object.assign(throttle, { isDirty: true, ctx, auditId });
    return;
  }
  throttles.set(incidentId, { timer: windowTimer(incidentId), isDirty: false, ctx, auditId });
  await announce(ctx, incidentId, auditId);
}

function windowTimer(incidentId: string): NodeJS.Timeout {
  const timer = setTimeout(() => {
    const throttle = throttles.get(incidentId);
    if (!throttle?.isDirty) {
      throttles.delete(incidentId);
      return;
    }
    // The trailing announcement opens the next window, so a steady stream stays at one per window.
    throttle.isDirty = false;
    throttle.timer = windowTimer(incidentId);
    announce(throttle.ctx, incidentId, throttle.auditId).catch((error: unknown) => {
      // The server may have stopped meanwhile (tests stop theirs often); the next change re-announces.
      log().error({ err: error, incidentId }, 'incident summary not announced');
    });
  }, COUNTS_WINDOW_MS);
  timer.unref();
  return timer;
}
