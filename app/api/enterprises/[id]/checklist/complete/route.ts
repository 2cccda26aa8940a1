import { NextResponse } from 'next/server';
import { completeChecklist } from '@/server/checklist';
import { withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** Turns the finished checklist into the map draft's points, contacts and materials. */
export const POST = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json(await completeChecklist({ ctx, input: { enterpriseId: id } }));
});
