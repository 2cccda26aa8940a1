import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { RootDocument } from '../root-document';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: t('appName'), description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f2d4a' };

/** Every page but the phone's: desktop dashboards, admin, enterprises, login (all catalogs). */
export default function MainLayout({ children }: { children: ReactNode }) {
  return <RootDocument>{children}</RootDocument>;
}
