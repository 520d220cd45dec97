import { resolve } from 'node:path';
import { z } from 'zod';
import { repoRoot } from './paths';
import { oidcSettingsFrom, type OidcSettings } from './oidc-config';

/**
 * Every environment variable Kasseika reads, parsed once at start. The README's configuration table lists the
 * same variables; `env.test.ts` checks that the two agree.
 */
export const envSchema = z.object({
  KASSEIKA_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  KASSEIKA_DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  KASSEIKA_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  KASSEIKA_WEB_DIST: z.string().optional(),
  KASSEIKA_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  KASSEIKA_MASTER_KEY: z.string().optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('中小企業活性化協議会 <no-reply@kasseika.invalid>'),
  // OpenID Connect sign-in for SMEs (gBizID-compatible); unset issuer = off. Checked together in oidc-config.ts.
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  OIDC_PROVIDER_NAME: z.string().max(60).default('gBizID'),
  OIDC_EMAIL_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/)
    .default('email'),
  OIDC_TOKEN_AUTH_METHOD: z.enum(['client_secret_basic', 'client_secret_post']).default('client_secret_basic'),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  readonly env: Env['KASSEIKA_ENV'];
  readonly host: string;
  readonly port: number;
  readonly database: { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dataDir: string | null };
  readonly logLevel: Env['LOG_LEVEL'];
  /** JSON lines (default in production) or human-readable (default in development). */
  readonly logFormat: 'json' | 'pretty';
  readonly publicUrl: string;
  readonly webDist: string;
  readonly seedDemo: Env['KASSEIKA_SEED_DEMO'];
  readonly trustProxy: readonly string[];
  /** Base64 master key from the environment (required in production), else undefined. */
  readonly masterKey: string | undefined;
  /** Where the development master key is kept when none is configured. */
  readonly devMasterKeyFile: string;
  /** Where document files are stored (encrypted), `<KASSEIKA_DATA_DIR>/files`. */
  readonly filesDir: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** OpenID Connect sign-in for SMEs; null when `OIDC_ISSUER` is unset. */
  readonly oidc: OidcSettings | null;
}

/** Variable names, for the README drift check. */
export const ENV_VARIABLES = Object.keys(envSchema.shape);

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set" (as in many deployment tools).
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidc = oidcSettingsFrom(e);
  if (oidc.problems.length > 0) throw new ConfigError(`Invalid configuration:\n${oidc.problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    env: e.KASSEIKA_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(repoRoot, e.KASSEIKA_DATA_DIR, 'pglite') },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.KASSEIKA_ENV === 'development' ? 'pretty' : 'json'),
    publicUrl: e.KASSEIKA_PUBLIC_URL,
    webDist: resolve(repoRoot, e.KASSEIKA_WEB_DIST ?? 'apps/web/dist'),
    seedDemo: e.KASSEIKA_SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    masterKey: e.KASSEIKA_MASTER_KEY,
    devMasterKeyFile: resolve(repoRoot, e.KASSEIKA_DATA_DIR, 'master.key'),
    filesDir: resolve(repoRoot, e.KASSEIKA_DATA_DIR, 'files'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidc: oidc.settings,
  };
}
