import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppHeader } from '@/components/ui/app-header';
import { Card } from '@/components/ui/form-field';
import { listAdminPlans } from '@/server/plans';
import { listDepartments, listRoster, listUsers } from '@/server/staff';
import { channelEnv } from '@/server/notify/channel-config';
import { configuredChannels } from '@/server/notify/channel-policy';
import { requirePageActor } from '@/server/pages/require-actor';
import styles from '@/components/admin/admin.module.css';

export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const { actor, ctx } = await requirePageActor('admin');
  const t = await getTranslations('admin');
  const tChannels = await getTranslations('channels');
  const tIntake = await getTranslations('intake');
  const tMaterials = await getTranslations('materials');
  const tReceptors = await getTranslations('receptors');
  const externalChannels = configuredChannels(channelEnv()).size;
  const [departments, directory, roster, plans] = await Promise.all([
    listDepartments({ ctx }),
    listUsers({ ctx }),
    listRoster({ ctx }),
    listAdminPlans({ ctx }),
  ]);
  const people = roster.flatMap((department) => department.people);
  const sections = [
    { href: '/admin/departments', key: 'departments', stat: t('index.departmentsStat', { count: departments.length }) },
    { href: '/admin/users', key: 'users', stat: t('index.usersStat', { count: directory.users.filter((user) => user.isActive).length }) },
    {
      href: '/admin/roster',
      key: 'roster',
      stat: t('index.rosterStat', { onDuty: people.filter((person) => person.isOnDuty).length, total: people.length }),
    },
    { href: '/admin/plans', key: 'plans', stat: t('index.plansStat', { count: plans.filter((plan) => plan.isActive).length }) },
  ] as const;

  return (
    <>
      <AppHeader actor={actor} current="/admin" />
      <main className={styles.page}>
        <h1 className={styles.title}>{t('title')}</h1>
        <p className={styles.intro}>{t('index.intro')}</p>
        <div className={styles.sections}>
          {sections.map((section) => (
            <Card key={section.href}>
              <Link href={section.href} className={styles.sectionLink} data-testid={`admin-section-${section.key}`}>
                <span className={styles.sectionName}>{t(`${section.key}.title`)}</span>
                <span className={styles.stat}>{section.stat}</span>
                <span className={styles.muted}>{t(`index.${section.key}`)}</span>
              </Link>
            </Card>
          ))}
          <Card>
            <Link href="/admin/materials" className={styles.sectionLink} data-testid="admin-section-materials">
              <span className={styles.sectionName}>{tMaterials('admin.title')}</span>
              <span className={styles.muted}>{tMaterials('admin.index')}</span>
            </Link>
          </Card>
          <Card>
            <Link href="/admin/receptors" className={styles.sectionLink} data-testid="admin-section-receptors">
              <span className={styles.sectionName}>{tReceptors('title')}</span>
              <span className={styles.muted}>{tReceptors('index')}</span>
            </Link>
          </Card>
          <Card>
            <Link href="/admin/integrations" className={styles.sectionLink} data-testid="admin-section-integrations">
              <span className={styles.sectionName}>{tIntake('tokens.title')}</span>
              <span className={styles.muted}>{tIntake('tokens.intro')}</span>
            </Link>
          </Card>
          <Card>
            <Link href="/admin/channels" className={styles.sectionLink} data-testid="admin-section-channels">
              <span className={styles.sectionName}>{tChannels('title')}</span>
              <span className={styles.stat}>
                {externalChannels ? tChannels('index.statSome', { count: externalChannels }) : tChannels('index.statNone')}
              </span>
              <span className={styles.muted}>{tChannels('index.description')}</span>
            </Link>
          </Card>
        </div>
      </main>
    </>
  );
}
