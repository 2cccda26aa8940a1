import { NextResponse } from 'next/server';
import { liftIncident } from '@/server/dispatch';
import { withActor } from '@/server/http/respond';

export const POST = withActor(async (ctx, _request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return NextResponse.json({ incident: await liftIncident({ ctx, input: { incidentId: id } }) });
});
