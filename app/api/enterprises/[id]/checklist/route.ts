import { NextResponse } from 'next/server';
import { getChecklist, saveChecklistStep } from '@/server/checklist';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

export const GET = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json(await getChecklist({ ctx, input: { enterpriseId: id } }));
});

/** Saves one step: body {step: 0..3, data}. */
export const PUT = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(await saveChecklistStep({ ctx, input: { ...body, enterpriseId: id } }));
});
