import { isIP } from 'node:net';
import { z } from 'zod';

/** An IPv4/IPv6 address, optionally with a /prefix (CIDR), as TRUSTED_PROXIES lists them. */
function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** Every setting the server reads, validated once at start-up: a bad value stops the process with its name. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  /** Seconds a process may reuse a resolved session before reading it again (0 = always read); see session-cache.ts. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  /** Wrong passwords for one account (from one address, or from unknown devices) before sign-in slows down. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** The longest wait between attempts once sign-in has slowed down (the delay doubles up to this). */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Wrong passwords from one address (any usernames) within 15 minutes before that address slows down. */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().positive().default(300),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /** The address people reach the platform at, e.g. https://pioneer.example.edu.cn: links, HSTS, Secure cookies. */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), '应以 http:// 或 https:// 开头')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /**
   * Reverse proxies whose X-Forwarded-For/-Host/-Proto are believed, comma-separated IPs or CIDRs
   * (e.g. `127.0.0.1,10.0.0.0/8`). Empty: none — every client's address is the socket's.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrCidr), '应为逗号分隔的 IP 地址或 CIDR，如 127.0.0.1,10.0.0.0/8'),
});
export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Served over https: PUBLIC_URL says so (HSTS, upgrade-insecure-requests, Secure cookies always). */
export const servesHttps = (config: Pick<Config, 'PUBLIC_URL'>) => config.PUBLIC_URL?.startsWith('https://') ?? false;
