import { NextResponse } from 'next/server';
import { serverDeps } from '@/server/context';
import { acknowledgeBySmsReply } from '@/server/dispatch/acknowledge-by-sms-reply';
import { unauthenticated } from '@/server/kernel/errors';
import { errorResponse } from '@/server/http/respond';
import { readSignedJsonBody } from '@/server/http/read-signed-json';
import { channelEnv } from '@/server/notify/channel-config';
import { isSignedInbound } from '@/server/notify/verify-inbound-signature';

/** The SMS gateway hands in a reply (docs/channels.md, "Replies"): a machine call, signed, without a session or Origin. */
export async function POST(request: Request) {
  try {
    const body = await readSignedJsonBody(request);
    const deps = serverDeps();
    const raw = new TextDecoder().decode(body.bytes);
    if (!isSignedInbound(request.headers, raw, channelEnv().SMS_GATEWAY_SECRET, deps.now())) throw unauthenticated();
    return NextResponse.json(await acknowledgeBySmsReply({ deps, input: body.parse() }));
  } catch (error) {
    return errorResponse(error);
  }
}
