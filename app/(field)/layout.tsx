import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { RootDocument } from '../root-document';
import { FIELD_NAMESPACES } from './field-namespaces';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: t('appName'), description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f2d4a' };

/**
 * The phone page has a root layout of its own, so that its HTML carries only the catalogs its
 * client components use. Moving between it and the desktop pages is a full page load.
 */
export default function FieldLayout({ children }: { children: ReactNode }) {
  return <RootDocument namespaces={FIELD_NAMESPACES}>{children}</RootDocument>;
}
