import { NextResponse } from 'next/server';
import { saveReportVersion } from '@/server/statutory-reports';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string; reportId: string }> };

/** Saves a new version: body {content: StatutoryReportContent}. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id, reportId } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json({ report: await saveReportVersion({ ctx, input: { ...body, incidentId: id, reportId } }) }, { status: 201 });
});
