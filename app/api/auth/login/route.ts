import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { login, loginInput } from '@/server/auth/login';
import { SESSION_COOKIE } from '@/server/auth/session';
import { getEnv } from '@/server/config/env';
import { errorResponse, readJson } from '@/server/http/respond';
import { parseInput } from '@/server/validation';

export async function POST(request: Request) {
  try {
    const input = parseInput(loginInput, await readJson(request));
    const env = getEnv();
    const session = await login({ db: getDb(), input, ttlHours: env.SESSION_TTL_HOURS });
    const cookieStore = await cookies();
    cookieStore.set(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: env.COOKIE_SECURE,
      path: '/',
      expires: session.expiresAt,
    });
    return NextResponse.json({ user: session.actor });
  } catch (error) {
    return errorResponse(error);
  }
}
