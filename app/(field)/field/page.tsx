import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FieldApp } from '@/components/field/field-app';
import { FieldHeader } from '@/components/field/field-header';
import { RegisterServiceWorker } from '@/components/field/register-service-worker';
import { getMapConfig } from '@/server/kernel/config/map-config';
import { listMyAssignments } from '@/server/dispatch';
import { requirePageActor } from '@/server/pages/require-actor';
import { isOnRoster } from '@/server/staff';

export const dynamic = 'force-dynamic';

/** The phone page installs to the home screen; iOS reads these tags instead of the manifest. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('offline');
  return {
    appleWebApp: { capable: true, title: t('install.shortName'), statusBarStyle: 'default' },
    icons: { apple: '/icons/apple-touch-icon.png', icon: [{ url: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
  };
}

/** The field staff's phone: open role cards from the database first, then live over the socket. */
export default async function FieldPage() {
  const { actor, ctx } = await requirePageActor('field_staff');
  // Taken before the read: a card sent after this may be missing from the page, and the phone keeps its own copy.
  const renderedAt = Date.now();
  const [cards, isOnDuty] = await Promise.all([listMyAssignments({ ctx }), isOnRoster({ ctx })]);
  return (
    <>
      <FieldHeader actor={actor} />
      <main>
        {/* The page may also be an older copy from the offline cache: renderedAt says what it can know. */}
        <FieldApp userId={actor.id} initialCards={cards} renderedAt={renderedAt} mapConfig={getMapConfig()} isOnRoster={isOnDuty} />
      </main>
      <RegisterServiceWorker />
    </>
  );
}
