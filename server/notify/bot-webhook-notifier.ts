import { createHmac } from 'node:crypto';
import { DeliveryError, type Notifier, type OutgoingMessage } from './notifier';
import { postJson } from './post-json';

export type BotConfig = { url: string; kind: 'wecom' | 'dingtalk'; secret: string };

/** DingTalk's 加签: base64 HMAC-SHA256 of "<timestamp ms>\n<secret>", keyed by the secret. */
export function dingTalkSign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export function wecomPayload(message: OutgoingMessage) {
  return { msgtype: 'text', text: { content: message.text, mentioned_mobile_list: message.phones } };
}

export function dingTalkPayload(message: OutgoingMessage) {
  // DingTalk only highlights an @mention whose number also appears in the text.
  const mentions = message.phones.map((phone) => `@${phone}`).join(' ');
  return {
    msgtype: 'text',
    text: { content: mentions ? `${message.text}\n${mentions}` : message.text },
    at: { atMobiles: message.phones, isAtAll: false },
  };
}

/** A WeCom (企业微信) or DingTalk (钉钉) group robot. Both answer 200 with errcode 0 on success. */
export function botWebhookNotifier(config: BotConfig): Notifier {
  return {
    channel: 'webhook',
    async send(message: OutgoingMessage) {
      const url = new URL(config.url);
      if (config.kind === 'dingtalk' && config.secret) {
        const timestamp = String(Date.now());
        url.searchParams.set('timestamp', timestamp);
        url.searchParams.set('sign', dingTalkSign(config.secret, timestamp));
      }
      const payload = config.kind === 'dingtalk' ? dingTalkPayload(message) : wecomPayload(message);
      const answer = await postJson(url.toString(), JSON.stringify(payload), { 'content-type': 'application/json; charset=utf-8' });
      const errcode = readErrcode(answer);
      if (errcode !== 0) throw new DeliveryError('bot_error', false, `errcode ${errcode}`);
    },
  };
}

/** 0 when the robot accepted; an empty or non-JSON 2xx answer also counts as accepted. */
function readErrcode(answer: string): number {
  try {
    const parsed = JSON.parse(answer) as { errcode?: unknown };
    return typeof parsed.errcode === 'number' ? parsed.errcode : 0;
  } catch {
    return 0;
  }
}
