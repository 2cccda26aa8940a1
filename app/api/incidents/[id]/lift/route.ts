import { NextResponse } from 'next/server';
import { liftIncident } from '@/server/dispatch';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** 警报解除: body {reason}. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json({ incident: await liftIncident({ ctx, input: { ...body, incidentId: id } }) });
});
