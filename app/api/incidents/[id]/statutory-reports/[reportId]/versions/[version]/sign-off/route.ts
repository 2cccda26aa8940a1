import { NextResponse } from 'next/server';
import { signOffReportVersion } from '@/server/statutory-reports';
import { withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string; reportId: string; version: string }> };

/** 签发 of one version (no body): only a user with 签发权; the version is frozen after it. */
export const POST = withActor(async (ctx, _request, { params }: Params) => {
  const { id, reportId, version } = await params;
  return NextResponse.json({ report: await signOffReportVersion({ ctx, input: { incidentId: id, reportId, version } }) });
});
