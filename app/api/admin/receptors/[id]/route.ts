import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { deleteReceptor, updateReceptor } from '@/server/receptors';

type Params = { params: Promise<{ id: string }> };

/** Replaces a receptor: body {kind, name, location:{lat, lng}, note?}. Admin only. */
export const PUT = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json({ receptor: await updateReceptor({ ctx, input: { ...(body as object), receptorId: id } }) });
});

export const DELETE = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json(await deleteReceptor({ ctx, input: { receptorId: id } }));
});
