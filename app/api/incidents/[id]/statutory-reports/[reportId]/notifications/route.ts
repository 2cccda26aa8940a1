import { NextResponse } from 'next/server';
import { recordNeighbourNotification } from '@/server/statutory-reports';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string; reportId: string }> };

/** 通报毗邻地区: body {jurisdictionName, contact, means, notifiedAt}. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id, reportId } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(
    { report: await recordNeighbourNotification({ ctx, input: { ...body, incidentId: id, reportId } }) },
    { status: 201 },
  );
});
