import { NextResponse } from 'next/server';
import { setRoleMaterials } from '@/server/materials';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** What a plan role needs from the depots: body {materials: [{itemId, quantity}]}. */
export const PUT = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(await setRoleMaterials({ ctx, input: { ...body, planRoleId: id } }));
});
