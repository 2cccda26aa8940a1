import { NextResponse } from 'next/server';
import { advanceReservation } from '@/server/materials';
import { withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** reserved → collected → deployed, by the role's assignee or the duty officer. No body. */
export const POST = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json({ reservation: await advanceReservation({ ctx, input: { reservationId: id } }) });
});
