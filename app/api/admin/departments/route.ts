import { NextResponse } from 'next/server';
import { createDepartment, listDepartments } from '@/server/staff';
import { readJson, withActor } from '@/server/http/respond';

export const GET = withActor(async (ctx) => NextResponse.json(await listDepartments({ ctx })));

export const POST = withActor(async (ctx, request) =>
  NextResponse.json(await createDepartment({ ctx, input: await readJson(request) }), { status: 201 }),
);
