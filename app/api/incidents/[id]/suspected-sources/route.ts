import { NextResponse } from 'next/server';
import { withActor } from '@/server/http/respond';
import { findSuspectedSources } from '@/server/one-map';

type Params = { params: Promise<{ id: string }> };

export const GET = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json(await findSuspectedSources({ ctx, input: { incidentId: id } }));
});
