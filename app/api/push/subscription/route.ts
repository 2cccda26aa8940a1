import { NextResponse } from 'next/server';
import { deletePushSubscription, savePushSubscription } from '@/server/notify';
import { readJson, withActor } from '@/server/http/respond';

/** Body: PushSubscription.toJSON() — {endpoint, keys:{p256dh, auth}}. 201 when new, 200 when it replaced one. */
export const POST = withActor(async (ctx, request) => {
  const result = await savePushSubscription({ ctx, input: await readJson(request, 8 * 1024) });
  return NextResponse.json(result, { status: result.isNew ? 201 : 200 });
});

/** Body: {endpoint}. Removes that browser for the caller; repeating it is harmless. */
export const DELETE = withActor(async (ctx, request) =>
  NextResponse.json(await deletePushSubscription({ ctx, input: await readJson(request, 8 * 1024) })),
);
