import { NextResponse } from 'next/server';
import { createUser, listUsers } from '@/server/staff';
import { readJson, withActor } from '@/server/http/respond';

export const GET = withActor(async (ctx) => NextResponse.json(await listUsers({ ctx })));

export const POST = withActor(async (ctx, request) =>
  NextResponse.json(await createUser({ ctx, input: await readJson(request) }), { status: 201 }),
);
