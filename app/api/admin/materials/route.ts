import { NextResponse } from 'next/server';
import { listInventory } from '@/server/materials';
import { withActor } from '@/server/http/respond';

/** The jurisdiction's catalogue, depots and stock. */
export const GET = withActor(async (ctx) => NextResponse.json(await listInventory({ ctx })));
