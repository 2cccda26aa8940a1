import { NextResponse } from 'next/server';
import { listEnterprises } from '@/server/enterprises';
import { withActor } from '@/server/http/respond';

export const GET = withActor(async (ctx) => NextResponse.json(await listEnterprises({ ctx })));
