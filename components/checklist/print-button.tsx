'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../ui/button';

export function PrintButton() {
  const t = useTranslations('checklist.card');
  return (
    <Button variant="primary" onClick={() => window.print()} data-testid="card-print">
      {t('print')}
    </Button>
  );
}
