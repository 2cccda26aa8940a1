import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/server/kernel/auth/actor';
import { LanguageSwitcher } from './language-switcher';
import { LogoutButton } from './logout-button';
import styles from './ui.module.css';

type NavItem = {
  href: string;
  key: 'dashboard' | 'incidents' | 'roster' | 'admin' | 'field' | 'enterprise' | 'enterprises' | 'statistics';
};

function navFor(actor: Actor): NavItem[] {
  switch (actor.role) {
    case 'admin':
      return [
        { href: '/dashboard', key: 'dashboard' },
        { href: '/incidents', key: 'incidents' },
        { href: '/statistics', key: 'statistics' },
        { href: '/enterprises', key: 'enterprises' },
        { href: '/admin/roster', key: 'roster' },
        { href: '/admin', key: 'admin' },
      ];
    case 'duty_officer':
      return [
        { href: '/dashboard', key: 'dashboard' },
        { href: '/incidents', key: 'incidents' },
        { href: '/statistics', key: 'statistics' },
        { href: '/enterprises', key: 'enterprises' },
        { href: '/admin/roster', key: 'roster' },
      ];
    case 'field_staff':
      return [{ href: '/field', key: 'field' }];
    case 'enterprise':
      return [{ href: '/enterprise', key: 'enterprise' }];
  }
}

/** The top bar of every signed-in page: product, the caller's sections, who is signed in, language, logout. */
export async function AppHeader({ actor, current }: { actor: Actor; current?: string }) {
  const t = await getTranslations('common');
  return (
    <header className={styles.header}>
      <span className={styles.brand}>{t('appName')}</span>
      <nav className={styles.nav} aria-label={t('mainNav')}>
        {navFor(actor).map((item) => (
          <Link key={item.href} href={item.href} aria-current={current === item.href ? 'page' : undefined}>
            {t(`nav.${item.key}`)}
          </Link>
        ))}
      </nav>
      <div className={styles.headerRight}>
        <span data-testid="current-user" className={styles.userName}>
          {actor.displayName} · {t(`roles.${actor.role}`)}
        </span>
        <LanguageSwitcher />
        <LogoutButton />
      </div>
    </header>
  );
}
