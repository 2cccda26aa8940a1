import { NextResponse } from 'next/server';
import { withActor } from '@/server/http/respond';
import { listReceptors } from '@/server/receptors';

/** The jurisdiction's 环境敏感目标: command only. */
export const GET = withActor(async (ctx) => NextResponse.json({ receptors: await listReceptors({ ctx }) }));
