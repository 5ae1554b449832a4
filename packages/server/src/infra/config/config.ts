import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Everything the process reads from its environment, validated once at boot. Every field has an
 * embedded default so that `npm start` works on a fresh machine with nothing set.
 */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(
      /^(sqlite:|postgres:\/\/|postgresql:\/\/)/,
      'must start with sqlite:, postgres:// or postgresql://',
    )
    .default('sqlite:./data/clipcontest.db'),
  /** Media storage: `s3://bucket?endpoint=…` for S3-compatible storage; local disk under MEDIA_DIR otherwise. */
  STORAGE_URL: z
    .string()
    .regex(/^s3:\/\//, 'must start with s3://')
    .optional(),
  MEDIA_DIR: z.string().default('./data/media'),
  UPLOAD_DIR: z.string().default('./data/uploads'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//)
    .optional(),
  MAIL_FROM: z.string().default('clipcontest <no-reply@clipcontest.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SECURE_COOKIES: boolFromEnv.optional(),
  /** Behind a load balancer: take the client address from X-Forwarded-For (needed for per-IP throttling). */
  TRUST_PROXY: boolFromEnv.default(false),
  WEB_DIST_DIR: z.string().optional(),
  DEMO_PHASE: z
    .enum(['launch', 'production', 'receipt', 'voting', 'judging', 'ceremony', 'closed'])
    .default('voting'),
  SEED_DEMO: boolFromEnv.default(true),
  /** Media pipeline (docs/media.md): Debian's ffmpeg/ffprobe unless overridden; absent → "processing unavailable". */
  FFMPEG_PATH: z.string().default('/usr/bin/ffmpeg'),
  FFPROBE_PATH: z.string().default('/usr/bin/ffprobe'),
  /** x264 preset of the renditions (`ultrafast` keeps tests quick). */
  MEDIA_X264_PRESET: z
    .enum(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow'])
    .default('veryfast'),
  /** One ffmpeg run is killed past this. */
  MEDIA_TIMEOUT_SECONDS: z.coerce.number().positive().default(3600),
  /** HMAC key of signed media URLs; when unset, a random key is created once and kept in the database. */
  MEDIA_URL_SECRET: z.string().min(16).optional(),
  /** Lifetime of a signed media URL of an unpublished entry. */
  MEDIA_URL_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  // Public voting (modules/voting): shared rate limits, SMS gateway, Facebook Graph API, vote limits.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  FACEBOOK_GRAPH_URL: z.url().default('https://graph.facebook.com/v19.0'),
  FACEBOOK_PAGE_TOKEN: z.string().optional(),
  VOTE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(600),
  VOTE_LIMIT_PER_VOTER_PER_MINUTE: z.coerce.number().int().positive().default(60),
});

export type AppConfig = z.infer<typeof configSchema> & { publicUrl: string; secureCookies: boolean };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = c.PUBLIC_URL ?? `http://localhost:${c.PORT}`;
  return { ...c, publicUrl, secureCookies: c.SECURE_COOKIES ?? publicUrl.startsWith('https://') };
}
