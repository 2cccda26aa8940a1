import { NextResponse } from 'next/server';
import { setOnDuty } from '@/server/staff';
import { readJson, withActor } from '@/server/http/respond';

// PUT with the wanted state ({ isOnDuty }), so a repeated request is harmless.
export const PUT = withActor(async (ctx, request, { params }: { params: Promise<{ userId: string }> }) => {
  const { userId } = await params;
  const body = await readJson(request);
  return NextResponse.json(await setOnDuty({ ctx, input: { ...(body as object), userId } }));
});
