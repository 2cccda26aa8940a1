import { NextResponse } from 'next/server';
import { listIncidents, triggerIncident } from '@/server/dispatch';
import { readJson, withActor } from '@/server/http/respond';

export const GET = withActor(async (ctx, request) => {
  const status = new URL(request.url).searchParams.get('status') ?? undefined;
  return NextResponse.json(await listIncidents({ ctx, input: { status } }));
});

// 一键启动. A retry with the same Idempotency-Key returns the first incident (200) instead of a new one.
export const POST = withActor(async (ctx, request) => {
  const input = await readJson(request);
  const result = await triggerIncident({ ctx, input, idempotencyKey: request.headers.get('idempotency-key') });
  const body = { incident: result.incident, assignments: result.assignments, shortfalls: result.shortfalls, materialShortfalls: result.materialShortfalls };
  return NextResponse.json(body, { status: result.isReplay ? 200 : 201 });
});
