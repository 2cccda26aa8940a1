import { ChecklistWizard } from '@/components/checklist/checklist-wizard';
import { AppHeader } from '@/components/ui/app-header';
import { getChecklist } from '@/server/checklist';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

/** 清单式填报 for the signed-in enterprise, resumed where it was left. */
export default async function ChecklistPage() {
  const { actor, ctx } = await requirePageActor('enterprise');
  const view = await getChecklist({ ctx, input: { enterpriseId: actor.enterpriseId } });
  return (
    <>
      <AppHeader actor={actor} current="/enterprise/checklist" />
      <main>
        <ChecklistWizard initial={view} />
      </main>
    </>
  );
}
