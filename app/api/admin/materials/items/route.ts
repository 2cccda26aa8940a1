import { NextResponse } from 'next/server';
import { createMaterialItem } from '@/server/materials';
import { readJson, withActor } from '@/server/http/respond';

/** A catalogue item: body {name, unit}. */
export const POST = withActor(async (ctx, request) =>
  NextResponse.json({ item: await createMaterialItem({ ctx, input: await readJson(request) }) }, { status: 201 }),
);
