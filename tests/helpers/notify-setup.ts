import { parseEnv } from '@/server/kernel/config/env';
import { setChannelEnv } from '@/server/notify/channel-config';
import { createOutbox } from '@/server/notify/outbox-worker';
import type { Db } from '@/db';
import { recordingEmitter } from './fixtures';

export const LINK_BASE = 'https://ecodispatch.example.gov.cn';

/** Channel settings as the server would parse them, made current for enqueueing verbs. */
export function useChannels(variables: Record<string, string>) {
  const env = parseEnv({ NODE_ENV: 'test', ...variables });
  setChannelEnv(env);
  return env;
}

/** An outbox over `db` with a clock the test moves by hand. */
export function manualOutbox(db: Db, env: ReturnType<typeof useChannels>, start = new Date(Date.now() + 1_000)) {
  const clock = { now: start };
  const outbox = createOutbox({ db, emitter: recordingEmitter(), now: () => clock.now, env, baseUrl: LINK_BASE });
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { ...outbox, clock, advance };
}
