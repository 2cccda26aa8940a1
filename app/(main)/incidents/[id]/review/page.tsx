import { notFound } from 'next/navigation';
import { ReviewPage } from '@/components/review/review-page';
import styles from '@/components/review/review.module.css';
import { AppHeader } from '@/components/ui/app-header';
import { DomainError } from '@/server/kernel/errors';
import { requirePageActor } from '@/server/pages/require-actor';
import { getIncidentReview } from '@/server/review';

export const dynamic = 'force-dynamic';

/** 复盘: the after-action review of an incident or drill (active or lifted). */
export default async function IncidentReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, ctx } = await requirePageActor('duty_officer', 'admin');
  const { id } = await params;
  const review = await getIncidentReview({ ctx, input: { incidentId: id } }).catch((error: unknown) => {
    // A malformed id or one from another jurisdiction is simply not there.
    if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'invalid_input')) notFound();
    throw error;
  });
  return (
    <>
      <div className={styles.noPrint}>
        <AppHeader actor={actor} current="/incidents" />
      </div>
      <main>
        <ReviewPage review={review} />
      </main>
    </>
  );
}
