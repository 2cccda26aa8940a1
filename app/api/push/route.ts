import { NextResponse } from 'next/server';
import { getPushConfig } from '@/server/notify';
import { withActor } from '@/server/http/respond';

// The VAPID public key a browser subscribes with; null while Web Push is not configured.
export const GET = withActor(async () => NextResponse.json(getPushConfig()));
