import { NextResponse } from 'next/server';
import { setStock } from '@/server/materials';
import { readJson, withActor } from '@/server/http/respond';

/** The quantity on hand of one item in one depot: body {depotId, itemId, quantity}. */
export const PUT = withActor(async (ctx, request) => NextResponse.json({ stock: await setStock({ ctx, input: await readJson(request) }) }));
