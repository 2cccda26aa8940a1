import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { dismissReport } from '@/server/intake';

type Params = { params: Promise<{ id: string }> };

/** Dismisses a pending report: body {reason}. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json({ report: await dismissReport({ ctx, input: { ...body, reportId: id } }) });
});
