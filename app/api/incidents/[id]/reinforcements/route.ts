import { NextResponse } from 'next/server';
import { reinforceIncident } from '@/server/dispatch';
import { readJson, withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** 增派: body {userIds?, planRoleId?, roleName?, instructions?}; cards as at the trigger. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const body = (await readJson(request)) as Record<string, unknown>;
  return NextResponse.json(await reinforceIncident({ ctx, input: { ...body, incidentId: id } }));
});
