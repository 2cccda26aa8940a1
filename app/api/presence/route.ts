import { NextResponse } from 'next/server';
import { withActor } from '@/server/http/respond';
import { listPresence } from '@/server/presence';

export const dynamic = 'force-dynamic';

/** Who is reachable now (duty officers and admins); `presence:changed` keeps it live afterwards. */
export const GET = withActor(async (ctx) => NextResponse.json(await listPresence({ ctx })));
