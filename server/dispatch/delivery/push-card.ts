import type { RoleCard } from '../../contracts/dispatch';
import type { ServerDeps } from '../../context';
import { queueReceipt } from './queue-receipt';
import { log } from '../../kernel/log/logger';

/**
 * Pushes one role card to every connected phone of its assignee and, when one of them answers
 * the push with its receipt, records `delivered`. No receipt changes nothing here: the row's
 * `nextPushAt` is already set, so the redelivery worker tries again while the person is online.
 * Resolves whether a receipt came back; never rejects (it runs detached from any request).
 */
export async function pushCard(deps: ServerDeps, card: RoleCard, options: { isStopped?: () => boolean } = {}): Promise<boolean> {
  try {
    const isReceived = await deps.emitter.assignmentNew(card.assigneeId, card);
    // The receipt wait can outlive the server (tests stop it often): then there is nobody to tell.
    if (!isReceived || options.isStopped?.()) return isReceived;
    // Batched with the other receipts of this tick: a fan-out's receipts arrive together.
    await queueReceipt(deps, card.assignmentId);
    return true;
  } catch (error) {
    log().error({ err: error, assignmentId: card.assignmentId }, 'card push failed');
    return false;
  }
}
