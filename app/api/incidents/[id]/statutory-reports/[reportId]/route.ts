import { NextResponse } from 'next/server';
import { getStatutoryReport } from '@/server/statutory-reports';
import { withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string; reportId: string }> };

/** One report with all its versions and neighbour notifications. */
export const GET = withActor(async (ctx, _request, { params }: Params) => {
  const { id, reportId } = await params;
  return NextResponse.json({ report: await getStatutoryReport({ ctx, input: { incidentId: id, reportId } }) });
});
