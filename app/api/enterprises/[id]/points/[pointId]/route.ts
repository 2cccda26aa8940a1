import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { deleteRiskPoint, moveRiskPoint, saveRiskPoint } from '@/server/one-map';

type Params = { params: Promise<{ id: string; pointId: string }> };

/** Replace every field of a point. */
export const PUT = withActor(async (ctx, request, { params }: Params) => {
  const { id, pointId } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(await saveRiskPoint({ ctx, input: { ...body, id: pointId, enterpriseId: id } }));
});

/** Move a point: body {x, y}. */
export const PATCH = withActor(async (ctx, request, { params }: Params) => {
  const { id, pointId } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(await moveRiskPoint({ ctx, input: { ...body, pointId, enterpriseId: id } }));
});

export const DELETE = withActor(async (ctx, _request, { params }: Params) => {
  const { id, pointId } = await params;
  return NextResponse.json(await deleteRiskPoint({ ctx, input: { pointId, enterpriseId: id } }));
});
