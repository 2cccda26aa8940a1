import { NextResponse } from 'next/server';
import { withActor } from '@/server/http/respond';
import { approveMapVersion } from '@/server/one-map';

type Params = { params: Promise<{ id: string; version: string }> };

export const POST = withActor(async (ctx, _request, { params }: Params) => {
  const { id, version } = await params;
  return NextResponse.json(await approveMapVersion({ ctx, input: { enterpriseId: id, version: Number(version) } }));
});
