import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from '@/i18n/config';
import { errorResponse, readJson } from '@/server/http/respond';
import { parseInput } from '@/server/kernel/validation';

export async function POST(request: Request) {
  try {
    const { locale } = parseInput(z.object({ locale: z.enum(LOCALES) }), await readJson(request));
    const cookieStore = await cookies();
    cookieStore.set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
    return NextResponse.json({ locale });
  } catch (error) {
    return errorResponse(error);
  }
}
