import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { LogoutButton } from '@/components/ui/logout-button';
import type { Actor } from '@/server/kernel/auth/actor';
import styles from './field.module.css';

/** A one-line phone header: whose phone this is, language, logout. */
export async function FieldHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations('field');
  return (
    <header className={styles.header}>
      <div className={styles.headerWho}>
        <h1 className={styles.headerTitle}>{t('title')}</h1>
        <span className={styles.headerName} data-testid="current-user">
          {actor.displayName}
        </span>
      </div>
      <div className={styles.headerButtons}>
        <LanguageSwitcher />
        <LogoutButton />
      </div>
    </header>
  );
}
