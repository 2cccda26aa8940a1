import type { ServerDeps } from '../../context';
import { incidentUpdatePostedMessage } from '../../push/messages';
import { loadIncidentUpdates } from '../incident-links';
import { loadCardIncident } from '../views';
import type { ClaimedUpdatePush } from './claim-due-update-pushes';

/**
 * Pushes again, to each claimed card's assignee, every 情况通报 of its incident the phone has not
 * confirmed, with the same message ids as the first push, so a phone that did get one drops it.
 */
export async function repushUpdates(deps: ServerDeps, claimed: ClaimedUpdatePush[]): Promise<void> {
  const incidentIds = [...new Set(claimed.map((claim) => claim.incidentId))];
  const oldestSeen = Math.min(...claimed.map((claim) => claim.seenSeq));
  const updates = await loadIncidentUpdates(deps.db, incidentIds, { afterSeq: oldestSeen });
  for (const incidentId of incidentIds) {
    const incident = await loadCardIncident(deps.db, incidentId);
    if (!incident) continue;
    for (const claim of claimed.filter((candidate) => candidate.incidentId === incidentId)) {
      for (const update of updates.get(incidentId) ?? []) {
        if (update.seq > claim.seenSeq) deps.emitter.incidentUpdatePosted([claim.userId], incidentUpdatePostedMessage(update, incident));
      }
    }
  }
}
