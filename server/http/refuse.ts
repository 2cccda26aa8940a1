import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { LOCALE_COOKIE, resolveLocale } from '../../i18n/config';
import { DomainError, HTTP_STATUS } from '../kernel/errors';
import { translateError } from '../kernel/i18n/translate-error';

/**
 * Answers a request the custom server refuses before Next sees it, with the same localized JSON
 * error body as a route handler (server/http/respond.ts). `closeConnection` for a refused body that
 * is still arriving: the socket is closed after the answer rather than read to the end.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, error: DomainError, options: { closeConnection?: boolean } = {}): void {
  const locale = resolveLocale(parseCookie(req.headers.cookie ?? '')[LOCALE_COOKIE], req.headers['accept-language']);
  const body = JSON.stringify({ error: { code: error.code, message: translateError(error, locale) } });
  res.statusCode = HTTP_STATUS[error.code];
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  if (options.closeConnection) {
    res.setHeader('connection', 'close');
    res.on('finish', () => req.socket.destroySoon());
  }
  res.end(body);
}
