import { cookies, headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { getDb } from '../../db';
import { LOCALE_COOKIE, resolveLocale, type Locale } from '../../i18n/config';
import type { Actor } from '../auth/actor';
import { findSessionActor, SESSION_COOKIE } from '../auth/session';
import { createContext, type VerbContext } from '../context';
import { DomainError, HTTP_STATUS, invalid, unauthenticated } from '../errors';
import { translateError } from '../i18n/translate-error';

export async function requestLocale(): Promise<Locale> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get('accept-language'));
}

export async function currentActor(): Promise<Actor | null> {
  const cookieStore = await cookies();
  return findSessionActor(getDb(), cookieStore.get(SESSION_COOKIE)?.value);
}

/** The one place a domain error becomes an HTTP status and a localized JSON body. */
export async function errorResponse(error: unknown): Promise<NextResponse> {
  const domainError = error instanceof DomainError ? error : new DomainError('internal', 'internal');
  if (!(error instanceof DomainError)) console.error('[api] request failed', error);
  const message = translateError(domainError, await requestLocale());
  return NextResponse.json(
    { error: { code: domainError.code, message, ...(domainError.details.field ? { field: domainError.details.field } : {}) } },
    { status: HTTP_STATUS[domainError.code] },
  );
}

/** Wraps a route handler that needs a signed-in caller: authenticate, run, map errors. */
export function withActor<Args extends unknown[]>(handler: (ctx: VerbContext, request: Request, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      const actor = await currentActor();
      if (!actor) throw unauthenticated();
      return await handler(createContext(actor), request, ...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body; a malformed or oversized one is a 400, not a crash. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes) throw invalid('bodyTooLarge');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('invalidJson');
  }
}
