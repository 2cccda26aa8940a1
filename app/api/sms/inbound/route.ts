import { NextResponse } from 'next/server';
import { serverDeps } from '@/server/context';
import { acknowledgeBySmsReply } from '@/server/dispatch/acknowledge-by-sms-reply';
import { DomainError, invalid, unauthenticated } from '@/server/kernel/errors';
import { errorResponse } from '@/server/http/respond';
import { readCappedBody } from '@/server/http/read-body';
import { JSON_BODY_LIMIT } from '@/server/http/body-limit';
import { channelEnv } from '@/server/notify/channel-config';
import { isSignedInbound } from '@/server/notify/verify-inbound-signature';

/** The SMS gateway hands in a reply (docs/channels.md, "Replies"): a machine call, signed, without a session or Origin. */
export async function POST(request: Request) {
  try {
    const raw = new TextDecoder().decode(
      await readCappedBody(request, JSON_BODY_LIMIT, () => new DomainError('payload_too_large', 'bodyTooLarge')),
    );
    const deps = serverDeps();
    if (!isSignedInbound(request.headers, raw, channelEnv().SMS_GATEWAY_SECRET, deps.now())) throw unauthenticated();
    let input: unknown;
    try {
      input = JSON.parse(raw) as unknown;
    } catch {
      throw invalid('invalidJson');
    }
    return NextResponse.json(await acknowledgeBySmsReply({ deps, input }));
  } catch (error) {
    return errorResponse(error);
  }
}
