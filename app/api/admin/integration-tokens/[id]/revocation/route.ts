import { NextResponse } from 'next/server';
import { withActor } from '@/server/http/respond';
import { revokeIntegrationToken } from '@/server/integrations';

type Params = { params: Promise<{ id: string }> };

export const POST = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  return NextResponse.json({ token: await revokeIntegrationToken({ ctx, input: { tokenId: id } }) });
});
