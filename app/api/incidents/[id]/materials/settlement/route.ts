import { NextResponse } from 'next/server';
import { settleMaterials } from '@/server/materials';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** After the lift: body {consumed: [{reservationId, quantity}]}; the rest returns to stock. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json({ reservations: await settleMaterials({ ctx, input: { ...body, incidentId: id } }) });
});
