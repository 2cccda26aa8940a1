import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { HOME_BY_ROLE } from '@/server/contracts/home';
import { currentActor } from '@/server/http/respond';
import styles from '@/components/auth/login.module.css';

export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  const actor = await currentActor();
  if (actor) redirect(HOME_BY_ROLE[actor.role]);
  const t = await getTranslations('common');
  return (
    <main className={styles.page}>
      <div className={styles.top}>
        <LanguageSwitcher />
      </div>
      <div className={styles.panel}>
        <h1 className={styles.title}>{t('appName')}</h1>
        <p className={styles.tagline}>{t('tagline')}</p>
        <LoginForm />
      </div>
    </main>
  );
}
