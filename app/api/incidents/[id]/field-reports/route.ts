import { NextResponse } from 'next/server';
import { createFieldReport, FIELD_REPORT_MAX_BODY, listFieldReports, readReportForm } from '@/server/field-reports';
import { findReporterAssignment } from '@/server/field-reports/create-field-report';
import { readMultipartForm } from '@/server/http/read-multipart';
import { withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** The incident's field reports, oldest first: command roles and the incident's assignees. */
export const GET = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json(await listFieldReports({ ctx, input: { incidentId: id } }));
});

/** A field report from the phone: multipart `report` (JSON), `photo` files and their `exif` blocks. 201, or the stored one again. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  // Check who is asking before reading megabytes from them.
  await findReporterAssignment(ctx, id);
  const { report, photos } = await readReportForm(await readMultipartForm(request, FIELD_REPORT_MAX_BODY));
  const view = await createFieldReport({ ctx, input: { ...(report as object), incidentId: id }, photos });
  return NextResponse.json({ report: view }, { status: 201 });
});
