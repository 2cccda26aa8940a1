import { redirect } from 'next/navigation';
import { currentActor } from '@/server/http/respond';
import { HOME_BY_ROLE } from '@/server/contracts/home';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? HOME_BY_ROLE[actor.role] : '/login');
}
