import { NextResponse } from 'next/server';
import { deleteDepartment, updateDepartment } from '@/server/staff';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

export const PATCH = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json(await updateDepartment({ ctx, input: { ...(body as object), departmentId: id } }));
});

export const DELETE = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json(await deleteDepartment({ ctx, input: { departmentId: id } }));
});
