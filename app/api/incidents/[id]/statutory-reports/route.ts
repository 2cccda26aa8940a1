import { NextResponse } from 'next/server';
import { createStatutoryReport, listIncidentReports } from '@/server/statutory-reports';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** The incident's 初报 / 续报 / 处理结果报告 with their versions, the 初报 clock and whether the caller may sign. */
export const GET = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json(await listIncidentReports({ ctx, input: { incidentId: id } }));
});

/** A prefilled draft (version 1): body {kind: 'initial'|'follow_up'|'final'}. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json({ report: await createStatutoryReport({ ctx, input: { ...body, incidentId: id } }) }, { status: 201 });
});
