import { z } from 'zod';
import { trustedProxyList } from './trusted-proxies';

// Validated once at start-up; a bad value stops the process with a message naming the variable.
const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

// `a, b,c` → ['a', 'b', 'c']; empty → [].
const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  // SQLite in a file (the embedded default) or PostgreSQL for several app nodes (docs/operations.md).
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)/, 'must look like file:./data/ecodispatch.db or postgres://user:password@host:5432/ecodispatch')
    .default('file:./data/ecodispatch.db'),
  // Connections each node keeps to PostgreSQL (not used with SQLite, which has one).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Several app nodes: a Redis server (redis:// or rediss://) carries Socket.IO's messages between
  // them (docs/operations.md, "Several nodes"). Empty: one node, no Redis.
  REDIS_URL: z.union([z.literal(''), z.string().regex(/^rediss?:\/\/.+/, 'must look like redis://127.0.0.1:6379')]).default(''),
  SEED_DEMO: booleanFlag.default(true),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: booleanFlag.default(false),
  // Extra browser origins allowed to open a socket and send state-changing requests, comma-separated.
  // The server's own origin always is.
  ALLOWED_ORIGINS: commaList,
  // Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated), e.g. the nginx host.
  // Empty: the TCP peer is the client. Sign-in throttling counts per client address (docs/operations.md).
  TRUSTED_PROXIES: commaList.refine(
    (entries) => trustedProxyList(entries) !== null,
    'must be IP addresses or CIDR ranges, e.g. 10.0.0.5,10.1.0.0/16,::1',
  ),
  // Socket events one person may send in 10 s, across all their sockets (server/realtime/event-throttle.ts).
  SOCKET_EVENT_BUDGET: z.coerce.number().int().min(1).max(1_000_000).default(40),
  // Log lines at this level and above (JSON on stdout; pretty in `npm run dev`). Empty: info, warn under tests.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  // Prometheus metrics (docs/operations.md). METRICS_PORT: /metrics on a port of its own, bound to HOST;
  // METRICS_TOKEN: /metrics on the main port too, for `Authorization: Bearer <token>`. Both empty: off.
  METRICS_PORT: z.union([z.literal(''), z.coerce.number().int().min(0).max(65535)]).default(''),
  METRICS_TOKEN: z.union([z.literal(''), z.string().min(16, 'must be at least 16 characters')]).default(''),
  // Map tiles, e.g. https://tiles.example.org/{z}/{x}/{y}.png. Empty means no tiles: a plain background.
  MAP_TILE_URL: z.string().default(''),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  // Where uploaded site plans are stored (generated file names only).
  UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
  // The address printed in poster QR codes, e.g. https://ecodispatch.example.gov.cn. Empty: taken from the request.
  PUBLIC_BASE_URL: z.union([z.literal(''), z.string().url()]).default(''),
  // A CJK font for the wall poster, `path` or `path#PostScriptName` for a collection (.ttc). Empty: the usual system paths.
  POSTER_FONT_PATH: z.string().default(''),
  // Channels beyond the open page (docs/operations.md). Each is off while its variables are empty.
  // SMS and voice through an HTTP gateway: POST JSON, authenticated with the shared secret.
  SMS_GATEWAY_URL: z.union([z.literal(''), z.string().url()]).default(''),
  SMS_GATEWAY_SECRET: z.string().default(''),
  // A WeCom (企业微信) or DingTalk (钉钉) group robot; DingTalk's optional signing secret.
  BOT_WEBHOOK_URL: z.union([z.literal(''), z.string().url()]).default(''),
  BOT_WEBHOOK_KIND: z.enum(['wecom', 'dingtalk']).default('wecom'),
  BOT_WEBHOOK_SECRET: z.string().default(''),
  // Web Push (VAPID). Generate a pair with `npx web-push generate-vapid-keys`.
  VAPID_PUBLIC_KEY: z.string().default(''),
  VAPID_PRIVATE_KEY: z.string().default(''),
  VAPID_SUBJECT: z.string().default('mailto:duty@ecodispatch.invalid'),
  // Encrypts integration tokens' HMAC signing secrets at rest (docs/api.md, POST /api/reports). Empty: bearer tokens only.
  INTEGRATION_KEY_SECRET: z.union([z.literal(''), z.string().min(32, 'must be at least 32 characters')]).default(''),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`);
}

const globalForEnv = globalThis as unknown as { ecodispatchEnv?: Env };

export function getEnv(): Env {
  globalForEnv.ecodispatchEnv ??= parseEnv(process.env);
  return globalForEnv.ecodispatchEnv;
}
