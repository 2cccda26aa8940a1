import { NextResponse } from 'next/server';
import { createDepot } from '@/server/materials';
import { readJson, withActor } from '@/server/http/respond';

/** A depot: body {name, location {lat, lng}, custodianName, custodianPhone, enterpriseId?}. */
export const POST = withActor(async (ctx, request) =>
  NextResponse.json({ depot: await createDepot({ ctx, input: await readJson(request) }) }, { status: 201 }),
);
