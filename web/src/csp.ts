import { z } from 'zod';

/**
 * Imported first by main.tsx, before any schema is built. zod compiles object parsers with `new Function` when it
 * can, probing once with `new Function("")`; under our Content-Security-Policy (`script-src 'self'`, no
 * 'unsafe-eval' — docs/hardening.md) that probe is refused and reported as a violation even though zod falls back.
 * `jitless` makes zod skip the probe and parse without compiling — the same results.
 */
z.config({ jitless: true });
