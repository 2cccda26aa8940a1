import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { createIntegrationToken, listIntegrationTokens } from '@/server/integrations';

export const GET = withActor(async (ctx) => NextResponse.json({ tokens: await listIntegrationTokens({ ctx }) }));

/** Body {name, scope}. The answer holds the secrets; they are never shown again. */
export const POST = withActor(async (ctx, request) =>
  NextResponse.json(await createIntegrationToken({ ctx, input: await readJson(request) }), {
    status: 201,
    headers: { 'cache-control': 'no-store' },
  }),
);
