import { NextResponse } from 'next/server';
import { updateUser } from '@/server/staff';
import { readJson, withActor } from '@/server/http/respond';

export const PATCH = withActor(async (ctx, request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json(await updateUser({ ctx, input: { ...(body as object), userId: id } }));
});
