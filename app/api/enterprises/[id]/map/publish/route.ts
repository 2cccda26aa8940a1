import { NextResponse } from 'next/server';
import { withActor } from '@/server/http/respond';
import { publishMap } from '@/server/one-map';

type Params = { params: Promise<{ id: string }> };

export const POST = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json(await publishMap({ ctx, input: { enterpriseId: id } }), { status: 201 });
});
