import { NextResponse } from 'next/server';
import { setIncidentSeverity } from '@/server/dispatch';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** 事件分级: body {severity: 'IV'|'III'|'II'|'I', reason}. */
export const PUT = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json({ incident: await setIncidentSeverity({ ctx, input: { ...body, incidentId: id } }) });
});
