import { NextResponse } from 'next/server';
import { createPlan, listAdminPlans } from '@/server/plans';
import { readJson, withActor } from '@/server/http/respond';

export const GET = withActor(async (ctx) => NextResponse.json(await listAdminPlans({ ctx })));

export const POST = withActor(async (ctx, request) =>
  NextResponse.json(await createPlan({ ctx, input: await readJson(request) }), { status: 201 }),
);
