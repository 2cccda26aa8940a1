import { NextResponse } from 'next/server';
import { withActor } from '@/server/http/respond';
import { getIncidentReview } from '@/server/review';

type Params = { params: Promise<{ id: string }> };

/** 复盘: the after-action review of an incident or drill (command roles of its jurisdiction). */
export const GET = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json({ review: await getIncidentReview({ ctx, input: { incidentId: id } }) });
});
