import { NextResponse } from 'next/server';
import { standDownAssignment } from '@/server/dispatch';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** 撤回: body {reason} (2–200 characters); the card closes as stood_down. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json({ assignment: await standDownAssignment({ ctx, input: { ...body, assignmentId: id } }) });
});
