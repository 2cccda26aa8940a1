import { NextResponse } from 'next/server';
import { setPlanActive } from '@/server/plans';
import { readJson, withActor } from '@/server/http/respond';

export const PUT = withActor(async (ctx, request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json(await setPlanActive({ ctx, input: { ...(body as object), planId: id } }));
});
