import { NextResponse } from 'next/server';
import { readJson, withActor } from '@/server/http/respond';
import { createReceptor } from '@/server/receptors';

/** Adds a 环境敏感目标: body {kind, name, location:{lat, lng}, note?}. Admin only. */
export const POST = withActor(async (ctx, request) =>
  NextResponse.json({ receptor: await createReceptor({ ctx, input: await readJson(request) }) }, { status: 201 }),
);
