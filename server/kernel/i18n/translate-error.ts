import { createTranslator } from 'use-intl/core';
import type { Locale } from '../../../i18n/config';
import { getMessages } from '../../../i18n/messages';
import type { DomainError } from '../errors';

/** The person-readable, localized text for a domain error (API bodies and socket acks). */
export function translateError(error: DomainError, locale: Locale): string {
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: 'errors' });
  const key = t.has(error.messageKey as never) ? error.messageKey : error.code;
  return t(key as never, error.details as never);
}
