import { NextResponse } from 'next/server';
import { acknowledgeOnBehalf } from '@/server/dispatch';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** 收到 recorded by a duty officer for an assignee reached another way: body {reachedBy, reachedAt?, note?}. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json({ assignment: await acknowledgeOnBehalf({ ctx, input: { ...body, assignmentId: id } }) });
});
