import { NextResponse } from 'next/server';
import { serverDeps } from '@/server/context';
import { errorResponse, withActor } from '@/server/http/respond';
import { readSignedJsonBody } from '@/server/http/read-signed-json';
import { fileReport, listPendingReports } from '@/server/intake';
import { authenticateRequest } from '@/server/integrations';

/** The command room's pending incidents (reports from other systems). */
export const GET = withActor(async (ctx) => NextResponse.json({ reports: await listPendingReports({ ctx }) }));

// Another system files a report (docs/api.md): a bearer token or an HMAC signature, never a
// session. 201 for a new report, 200 for a repeat with the same Idempotency-Key and body.
export async function POST(request: Request): Promise<Response> {
  try {
    const deps = serverDeps();
    const body = await readSignedJsonBody(request);
    const caller = await authenticateRequest(deps.db, { headers: request.headers, body: body.bytes, now: deps.now() });
    const result = await fileReport({ deps, caller, input: body.parse(), idempotencyKey: request.headers.get('idempotency-key') });
    return NextResponse.json({ report: result.report, incidentId: result.incidentId }, { status: result.isReplay ? 200 : 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
