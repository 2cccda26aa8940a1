import { cookies, headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { LOCALE_COOKIE, resolveLocale, type Locale } from '../../i18n/config';
import type { Actor } from '../kernel/auth/actor';
import { findSessionActor } from '../kernel/auth/session';
import { sessionCookieName } from '../kernel/auth/session-cookie';
import { getEnv } from '../kernel/config/env';
import { createContext, serverDeps, type VerbContext } from '../context';
import { DomainError, HTTP_STATUS, invalid, unauthenticated } from '../kernel/errors';
import { translateError } from '../kernel/i18n/translate-error';
import { bodyLimitFor } from './body-limit';
import { readCappedBody } from './read-body';
import { log, setLogActor } from '../kernel/log/logger';

export async function requestLocale(): Promise<Locale> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get('accept-language'));
}

export async function currentActor(): Promise<Actor | null> {
  const cookieStore = await cookies();
  return findSessionActor(serverDeps().db, cookieStore.get(sessionCookieName(getEnv().COOKIE_SECURE))?.value);
}

/** The one place a domain error becomes an HTTP status and a localized JSON body. */
export async function errorResponse(error: unknown): Promise<NextResponse> {
  const domainError = error instanceof DomainError ? error : new DomainError('internal', 'internal');
  if (!(error instanceof DomainError)) log().error({ err: error }, 'request failed');
  const message = translateError(domainError, await requestLocale());
  const retryAfter = domainError.details.retryAfterSeconds;
  return NextResponse.json(
    { error: { code: domainError.code, message, ...(domainError.details.field ? { field: domainError.details.field } : {}) } },
    { status: HTTP_STATUS[domainError.code], headers: typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : undefined },
  );
}

/** Wraps a route handler that needs a signed-in caller: authenticate, run, map errors. */
export function withActor<Args extends unknown[]>(handler: (ctx: VerbContext, request: Request, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      const actor = await currentActor();
      if (!actor) throw unauthenticated();
      setLogActor(actor.id);
      return await handler(createContext(actor), request, ...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Reads a JSON body. It must be declared as JSON: a form or `text/plain` post (what a forged
 * cross-site form can send) is refused with 415 even when its text happens to parse. An empty body
 * without a type reads as `{}`. Over `maxBytes` (by default the route's cap, server/http/body-limit.ts)
 * is a 413, malformed JSON a 400.
 */
export async function readJson(request: Request, maxBytes = bodyLimitFor(new URL(request.url).pathname)): Promise<unknown> {
  const contentType = request.headers.get('content-type');
  if (contentType === null && isEmptyBody(request)) return {};
  if (!isJsonType(contentType)) throw new DomainError('unsupported_media_type', 'jsonRequired');
  const body = await readCappedBody(request, maxBytes, () => new DomainError('payload_too_large', 'bodyTooLarge'));
  const text = new TextDecoder().decode(body);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('invalidJson');
  }
}

const isJsonType = (contentType: string | null) => contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
const isEmptyBody = (request: Request) => request.body === null || request.headers.get('content-length') === '0';
