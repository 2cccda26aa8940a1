import { NextResponse } from 'next/server';
import { listMyAssignments } from '@/server/dispatch';
import { withActor } from '@/server/http/respond';

export const GET = withActor(async (ctx) => NextResponse.json(await listMyAssignments({ ctx })));
