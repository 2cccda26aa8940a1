import { NextResponse } from 'next/server';
import { readUploadedFile } from '@/server/http/read-upload';
import { withActor } from '@/server/http/respond';
import { uploadSitePlan } from '@/server/one-map';
import { assertCanEditMap } from '@/server/one-map/access';
import { PLAN_LIMITS } from '@/server/one-map/plan-limits';

type Params = { params: Promise<{ id: string }> };

/** Multipart upload, field `file`. 400/413/415 with a JSON error; nothing stored on failure. */
export const POST = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  // Check who is asking before reading megabytes from them.
  await assertCanEditMap(ctx.db, ctx.actor, id);
  const bytes = await readUploadedFile(request, 'file', PLAN_LIMITS.maxBytes);
  return NextResponse.json(await uploadSitePlan({ ctx, input: { enterpriseId: id }, bytes }), { status: 201 });
});
