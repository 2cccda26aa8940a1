import { NextResponse } from 'next/server';
import { withActor } from '@/server/http/respond';
import { listPlans } from '@/server/plans/list-plans';

export const GET = withActor(async (ctx) => NextResponse.json(await listPlans({ ctx })));
