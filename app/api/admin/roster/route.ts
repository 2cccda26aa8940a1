import { NextResponse } from 'next/server';
import { listRoster } from '@/server/staff';
import { withActor } from '@/server/http/respond';

export const GET = withActor(async (ctx) => NextResponse.json(await listRoster({ ctx })));
