import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { setGeoreference } from '@/server/one-map';

type Params = { params: Promise<{ id: string }> };

/** Replaces the whole list: body {points: [...]}. */
export const PUT = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(await setGeoreference({ ctx, input: { ...body, enterpriseId: id } }));
});
