import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { replaceMaterials } from '@/server/one-map';

type Params = { params: Promise<{ id: string }> };

/** Replaces the whole list: body {materials: [...]}. */
export const PUT = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(await replaceMaterials({ ctx, input: { ...body, enterpriseId: id } }));
});
