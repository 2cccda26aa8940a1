import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { enterpriseContacts } from '../../db/schema';
import { withTransaction } from '../../db/transaction';
import type { VerbContext } from '../context';
import { contactInput } from '../contracts/one-map';
import { parseInput } from '../kernel/validation';
import { assertCanEditMap } from './access';
import { recordMapEdit } from './edit-audit';

const enterpriseRef = { enterpriseId: z.string().uuid() };

/** The emergency contacts on the map, edited as one ordered list. */
export async function replaceContacts({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  const { enterpriseId, contacts } = parseInput(z.object({ ...enterpriseRef, contacts: z.array(contactInput).max(30) }), input);
  await assertCanEditMap(ctx.db, ctx.actor, enterpriseId);
  return withTransaction(ctx.db, async (tx) => {
    await tx.delete(enterpriseContacts).where(eq(enterpriseContacts.enterpriseId, enterpriseId));
    for (const [position, contact] of contacts.entries()) {
      await tx.insert(enterpriseContacts).values({ id: randomUUID(), enterpriseId, position, ...contact });
    }
    await recordMapEdit(tx, ctx, enterpriseId, 'contacts_replaced', { count: contacts.length });
    return contacts;
  });
}
