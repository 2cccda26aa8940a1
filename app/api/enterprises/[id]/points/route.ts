import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { saveRiskPoint } from '@/server/one-map';

type Params = { params: Promise<{ id: string }> };

export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(await saveRiskPoint({ ctx, input: { ...body, id: undefined, enterpriseId: id } }), { status: 201 });
});
