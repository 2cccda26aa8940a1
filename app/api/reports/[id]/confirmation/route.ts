import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { confirmReport } from '@/server/intake';

type Params = { params: Promise<{ id: string }> };

/** 一键启动 from a pending report: body {planId, drill?}. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  const result = await confirmReport({ ctx, input: { ...body, reportId: id } });
  return NextResponse.json(result, { status: 201 });
});
