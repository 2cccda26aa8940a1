'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; the page's print stylesheet hides the controls. */
export function PrintButton() {
  const t = useTranslations('review');
  return <Button onClick={() => window.print()}>{t('print')}</Button>;
}
