import { z } from 'zod';
import { LOCALES } from '../../i18n/config';
import type { VerbContext } from '../context';
import { requireRole } from '../kernel/auth/actor';
import { parseInput } from '../kernel/validation';
import { getIncidentReview } from './get-incident-review';
import { renderReviewPdf } from './render-review-pdf';

const exportInput = z.object({ incidentId: z.string().uuid(), format: z.literal('pdf'), locale: z.enum(LOCALES) }).strict();

/** The review as an A4 PDF, with the same access as the review itself. */
export async function exportReviewPdf({ ctx, input }: { ctx: VerbContext; input: unknown }) {
  requireRole(ctx.actor, 'duty_officer', 'admin');
  const { incidentId, locale } = parseInput(exportInput, input);
  const review = await getIncidentReview({ ctx, input: { incidentId } });
  const pdf = await renderReviewPdf({ review, locale, now: ctx.now() });
  const day = review.incident.createdAt.slice(0, 10);
  return { pdf, filename: `review-${review.incident.isDrill ? 'drill-' : ''}${day}-${incidentId.slice(0, 8)}.pdf` };
}
