import { NextResponse } from 'next/server';
import { postIncidentUpdate } from '@/server/dispatch';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** 情况通报: body {text, location?, incidentType?, link?, unlink?}. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json({ update: await postIncidentUpdate({ ctx, input: { ...body, incidentId: id } }) }, { status: 201 });
});
