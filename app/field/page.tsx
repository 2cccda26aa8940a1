import { FieldApp } from '@/components/field/field-app';
import { FieldHeader } from '@/components/field/field-header';
import { getMapConfig } from '@/server/config/map-config';
import { listMyAssignments } from '@/server/dispatch';
import { requirePageActor } from '@/server/pages/require-actor';

export const dynamic = 'force-dynamic';

/** The field staff's phone: open role cards from the database first, then live over the socket. */
export default async function FieldPage() {
  const { actor, ctx } = await requirePageActor('field_staff');
  const cards = await listMyAssignments({ ctx });
  return (
    <>
      <FieldHeader actor={actor} />
      <main>
        <FieldApp initialCards={cards} mapConfig={getMapConfig()} />
      </main>
    </>
  );
}
