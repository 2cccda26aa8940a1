import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { replaceContacts } from '@/server/one-map';

type Params = { params: Promise<{ id: string }> };

/** Replaces the whole list: body {contacts: [...]}. */
export const PUT = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(await replaceContacts({ ctx, input: { ...body, enterpriseId: id } }));
});
