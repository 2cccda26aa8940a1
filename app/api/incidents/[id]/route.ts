import { NextResponse } from 'next/server';
import { getIncident } from '@/server/dispatch';
import { withActor } from '@/server/http/respond';

export const GET = withActor(async (ctx, _request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return NextResponse.json(await getIncident({ ctx, input: { incidentId: id } }));
});
