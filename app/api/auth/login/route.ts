import { cookies, headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { login, loginInput } from '@/server/kernel/auth/login';
import { serverDeps } from '@/server/context';
import { beginLoginAttempt, recordLoginSuccess } from '@/server/kernel/auth/login-throttle';
import { sessionCookieName, sessionCookieOptions } from '@/server/kernel/auth/session-cookie';
import { getEnv } from '@/server/kernel/config/env';
import { DomainError } from '@/server/kernel/errors';
import { REMOTE_ADDRESS_HEADER } from '@/server/http/remote-address';
import { errorResponse, readJson } from '@/server/http/respond';
import { countLoginFailure } from '@/server/kernel/metrics/registry';
import { parseInput } from '@/server/kernel/validation';

async function clientAddress(): Promise<string> {
  const headerStore = await headers();
  return headerStore.get(REMOTE_ADDRESS_HEADER) ?? 'unknown';
}

export async function POST(request: Request) {
  try {
    const input = parseInput(loginInput, await readJson(request));
    const address = await clientAddress();
    await beginLoginAttempt(input.username, address);
    const env = getEnv();
    const session = await login({ db: serverDeps().db, input, ttlHours: env.SESSION_TTL_HOURS }).catch(async (error: unknown) => {
      // Already counted as a failure by beginLoginAttempt; a wrong password keeps it that way.
      if (error instanceof DomainError && error.code === 'unauthenticated') countLoginFailure();
      throw error;
    });
    await recordLoginSuccess(input.username, address);
    const cookieStore = await cookies();
    cookieStore.set(sessionCookieName(env.COOKIE_SECURE), session.token, sessionCookieOptions(env.COOKIE_SECURE, session.expiresAt));
    return NextResponse.json({ user: session.actor });
  } catch (error) {
    return errorResponse(error);
  }
}
