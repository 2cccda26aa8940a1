import { createTranslator } from 'use-intl/core';
import { getMessages } from '@/i18n/messages';
import { DomainError } from '@/server/kernel/errors';
import { currentActor, errorResponse, requestLocale } from '@/server/http/respond';
import { createContext } from '@/server/context';
import { resolveCardLink } from '@/server/notify';

/**
 * The short link in an SMS: /f/<code>. Signed out, it goes through the login page and back here;
 * signed in, to the caller's own card (command staff: the incident board). Anyone else sees
 * "not found", a page rather than JSON, since this is opened from a text message.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  try {
    const actor = await currentActor();
    if (!actor) return seeOther(`/login?next=${encodeURIComponent(`/f/${code}`)}`);
    const { location } = await resolveCardLink({ ctx: createContext(actor), input: { code } });
    return seeOther(location);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return notFoundPage();
    return errorResponse(error);
  }
}

// A relative Location: correct behind a reverse proxy whatever Host it forwards.
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

async function notFoundPage() {
  const locale = await requestLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: 'channels.link' });
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t('title')}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.6"><h1 style="font-size:1.25rem">${t('title')}</h1><p>${t('notFound')}</p><p><a href="/">${t('home')}</a></p></body></html>`;
  return new Response(html, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
