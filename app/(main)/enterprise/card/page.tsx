import { DisposalCard } from '@/components/checklist/disposal-card';
import { AppHeader } from '@/components/ui/app-header';
import { getMapDraft } from '@/server/one-map';
import { requirePageActor } from '@/server/pages/require-actor';
import styles from './page.module.css';

export const dynamic = 'force-dynamic';

/** The printable 应急处置卡 of the enterprise's current map draft (A4 portrait). */
export default async function DisposalCardPage() {
  const { actor, ctx } = await requirePageActor('enterprise');
  const { draft, published } = await getMapDraft({ ctx, input: { enterpriseId: actor.enterpriseId } });
  return (
    <>
      <div className={styles.screenOnly}>
        <AppHeader actor={actor} current="/enterprise/card" />
      </div>
      <main>
        <DisposalCard content={draft} published={published} printedAt={ctx.now()} />
      </main>
    </>
  );
}
