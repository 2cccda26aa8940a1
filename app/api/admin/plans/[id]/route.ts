import { NextResponse } from 'next/server';
import { getAdminPlan, updatePlan } from '@/server/plans';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

export const GET = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json(await getAdminPlan({ ctx, input: { planId: id } }));
});

// The editor always sends the whole plan, roles included: PUT replaces it.
export const PUT = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json(await updatePlan({ ctx, input: { ...(body as object), planId: id } }));
});
