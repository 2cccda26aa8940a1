import { resolveLocale } from '../../i18n/config';
import type { Ack, AckResult } from '../contracts/events';
import { DomainError } from '../kernel/errors';
import { translateError } from '../kernel/i18n/translate-error';
import { log } from '../kernel/log/logger';

type Headers = { cookie?: string; 'accept-language'?: string };

/** Runs a socket handler and turns its outcome into the one ack shape; never throws into Socket.IO. */
export async function replyWith<T>(ack: unknown, headers: Headers, locale: string | undefined, work: () => Promise<T>) {
  let result: AckResult<T>;
  try {
    result = { ok: true, data: await work() };
  } catch (error) {
    const domainError = error instanceof DomainError ? error : new DomainError('internal', 'internal');
    if (!(error instanceof DomainError)) log().error({ err: error }, 'socket handler failed');
    const message = translateError(domainError, resolveLocale(locale, headers['accept-language']));
    result = { ok: false, error: { code: domainError.code, message } };
  }
  if (typeof ack === 'function') (ack as Ack<T>)(result);
}
