import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { serverDeps } from '@/server/context';
import { deleteSession } from '@/server/kernel/auth/session';
import { sessionCookieName, sessionCookieOptions } from '@/server/kernel/auth/session-cookie';
import { getEnv } from '@/server/kernel/config/env';
import { errorResponse } from '@/server/http/respond';

export async function POST() {
  try {
    const isSecure = getEnv().COOKIE_SECURE;
    const cookieStore = await cookies();
    const token = cookieStore.get(sessionCookieName(isSecure))?.value;
    if (token) await deleteSession(serverDeps().db, token);
    // Expired with the same attributes it was set with: a __Host- cookie is only replaced by a Secure one.
    cookieStore.set(sessionCookieName(isSecure), '', sessionCookieOptions(isSecure, new Date(0)));
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
